package dev.orchwiz.command.forwarding;

import static org.axonframework.test.matchers.Matchers.predicate;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.SourceKind;
import dev.orchwiz.api.forwarding.command.DisableForwardingSource;
import dev.orchwiz.api.forwarding.command.RegisterForwardingSource;
import dev.orchwiz.api.forwarding.command.RemoveForwardingSource;
import dev.orchwiz.api.forwarding.event.ForwardingSourceDisabled;
import dev.orchwiz.api.forwarding.event.ForwardingSourceRegistered;
import dev.orchwiz.api.forwarding.event.ForwardingSourceRemoved;
import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardingSourceTest {

    private static final ForwardingSourceId ID = ForwardingSourceId.random();
    private static final Actor ADMIN = new Actor(UserId.of("root"), true);
    private static final Actor ADA = new Actor(UserId.of("ada"), false);

    private FixtureConfiguration<ForwardingSource> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ForwardingSource.class);
    }

    private static Matcher<?> refusedWith(ForwardingError error) {
        return predicate(thrown -> thrown instanceof RuleViolation violation && violation.errorCode() == error);
    }

    private static ForwardingSourceRegistered registered() {
        return new ForwardingSourceRegistered(ID, "node-b", "Node B", SourceKind.PUBLIC_KEY, "pub", ADMIN.id());
    }

    @Test
    void anAdminRegistersASourceNamedAfterItsNodeWhenNoNameIsGiven() {
        fixture.givenNoPriorActivity()
                .when(new RegisterForwardingSource(ID, ADMIN, "node-b", " ", SourceKind.API_KEY, "hash"))
                .expectEvents(
                        new ForwardingSourceRegistered(ID, "node-b", "node-b", SourceKind.API_KEY, "hash", ADMIN.id()));
    }

    @Test
    void refusesRegistrationByANonAdmin() {
        fixture.givenNoPriorActivity()
                .when(new RegisterForwardingSource(ID, ADA, "node-b", null, SourceKind.PUBLIC_KEY, "pub"))
                .expectException(refusedWith(ForwardingError.NOT_ADMIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " node", "node b", "-node", "node\n"})
    void refusesANodeIdThatIsNotPlain(String nodeId) {
        fixture.givenNoPriorActivity()
                .when(new RegisterForwardingSource(ID, ADMIN, nodeId, null, SourceKind.PUBLIC_KEY, "pub"))
                .expectException(refusedWith(ForwardingError.INVALID_INPUT));
    }

    @Test
    void refusesANameOverTwoLines() {
        fixture.givenNoPriorActivity()
                .when(new RegisterForwardingSource(ID, ADMIN, "node-b", "a\nb", SourceKind.PUBLIC_KEY, "pub"))
                .expectException(refusedWith(ForwardingError.INVALID_INPUT));
    }

    @Test
    void anAdminDisablesOnceAndAgainChangesNothing() {
        fixture.given(registered())
                .when(new DisableForwardingSource(ID, ADMIN))
                .expectEvents(new ForwardingSourceDisabled(ID, ADMIN.id()));
        fixture.given(registered(), new ForwardingSourceDisabled(ID, ADMIN.id()))
                .when(new DisableForwardingSource(ID, ADMIN))
                .expectNoEvents();
    }

    @Test
    void anAdminRemovesASource() {
        fixture.given(registered())
                .when(new RemoveForwardingSource(ID, ADMIN))
                .expectEvents(new ForwardingSourceRemoved(ID, ADMIN.id()))
                .expectMarkedDeleted();
    }

    @Test
    void refusesDisableAndRemoveByANonAdmin() {
        fixture.given(registered())
                .when(new DisableForwardingSource(ID, ADA))
                .expectException(refusedWith(ForwardingError.NOT_ADMIN));
        fixture.given(registered())
                .when(new RemoveForwardingSource(ID, ADA))
                .expectException(refusedWith(ForwardingError.NOT_ADMIN));
    }
}
