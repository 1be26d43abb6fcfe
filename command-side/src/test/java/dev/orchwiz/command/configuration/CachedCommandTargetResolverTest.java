package dev.orchwiz.command.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

/** The cached resolver answers exactly what Axon's resolver answers, value and refusal alike. */
class CachedCommandTargetResolverTest {

    private final CommandTargetResolver axon =
            AnnotationCommandTargetResolver.builder().build();
    private final CommandTargetResolver cached = new CachedCommandTargetResolver();

    record OnRecordComponent(@TargetAggregateIdentifier String id, String other) {}

    static class OnFields {
        @TargetAggregateIdentifier
        private final String id;

        @TargetAggregateVersion
        private final Integer version;

        OnFields(String id, Integer version) {
            this.id = id;
            this.version = version;
        }
    }

    static class OnMethods {
        private final String id;
        private final String version;

        OnMethods(String id, String version) {
            this.id = id;
            this.version = version;
        }

        @TargetAggregateIdentifier
        String target() {
            return "method-" + id;
        }

        @TargetAggregateVersion
        String expectedVersion() {
            return version;
        }
    }

    static class Inherited extends OnFields {
        Inherited(String id) {
            super(id, null);
        }
    }

    static class Failing {
        @TargetAggregateIdentifier
        String id() {
            throw new IllegalStateException("broken accessor");
        }
    }

    record NotAnnotated(String id) {}

    @Test
    void resolvesWhatAxonResolves() {
        List<Object> commands = List.of(
                new OnRecordComponent("a", "x"),
                new OnRecordComponent("b", "y"),
                new OnFields("c", 3),
                new OnFields("d", null),
                new OnMethods("e", "7"),
                new OnMethods("f", null),
                new Inherited("g"));
        for (Object command : commands) {
            VersionedAggregateIdentifier expected = axon.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            VersionedAggregateIdentifier actual = cached.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            assertThat(actual.getIdentifierValue()).as(command.toString()).isEqualTo(expected.getIdentifierValue());
            assertThat(actual.getVersion()).as(command.toString()).isEqualTo(expected.getVersion());
        }
        // The class is looked up once, but every command's own values are read.
        assertThat(cached.resolveTarget(GenericCommandMessage.asCommandMessage(new OnFields("h", 9))))
                .extracting(VersionedAggregateIdentifier::getIdentifierValue, VersionedAggregateIdentifier::getVersion)
                .containsExactly("h", 9L);
    }

    @Test
    void refusesWhatAxonRefusesWithTheSameError() {
        List<Object> commands = List.of(
                new OnRecordComponent(null, "x"),
                new NotAnnotated("i"),
                new Failing(),
                new OnMethods("j", "not a number"));
        for (Object command : commands) {
            Throwable expected =
                    catchThrowable(() -> axon.resolveTarget(GenericCommandMessage.asCommandMessage(command)));
            Throwable actual =
                    catchThrowable(() -> cached.resolveTarget(GenericCommandMessage.asCommandMessage(command)));
            assertThat(expected).as(command.toString()).isInstanceOf(IllegalArgumentException.class);
            assertThat(actual).as(command.toString()).isInstanceOf(IllegalArgumentException.class);
            assertThat(actual.getMessage()).isEqualTo(expected.getMessage());
            assertThat(actual.getCause() == null ? null : actual.getCause().getClass())
                    .isEqualTo(
                            expected.getCause() == null
                                    ? null
                                    : expected.getCause().getClass());
        }
    }
}
