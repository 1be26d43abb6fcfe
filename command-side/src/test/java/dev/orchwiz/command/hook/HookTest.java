package dev.orchwiz.command.hook;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.hook.HookEventName;
import dev.orchwiz.api.hook.HookType;
import dev.orchwiz.api.hook.command.HookChanged;
import dev.orchwiz.api.hook.command.RegisterHook;
import dev.orchwiz.api.hook.command.RemoveHook;
import dev.orchwiz.api.hook.command.ReviseHook;
import dev.orchwiz.api.hook.command.RotateHookSecret;
import dev.orchwiz.api.hook.event.HookRegistered;
import dev.orchwiz.api.hook.event.HookRemoved;
import dev.orchwiz.api.hook.event.HookRevised;
import dev.orchwiz.api.hook.event.HookSecretRotated;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.OwnerMetaData;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.toolcall.HookFailurePolicy;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may change a hook, what a valid definition is, its version checks and its end, as events. */
class HookTest {

    private static final UserId OWNER = UserId.of("ada");
    private static final Actor ADA = new Actor(OWNER, false);
    private static final Actor GRACE = new Actor(UserId.of("grace"), false);
    private static final Actor ADMIN = new Actor(UserId.of("root"), true);
    private static final String URL = "https://hooks.example.com/guard";

    private final HookId id = HookId.random();
    private FixtureConfiguration<Hook> fixture;

    /**
     * Sends the hook commands straight to the aggregate, the way {@link HookRegistration} does once it has written the
     * name's claim and the secret; those two live in PostgreSQL (hook_name, hook_secret), which this module's tests
     * do not have, and are covered over HTTP by ControlPlaneIT and ControlPlaneHardeningIT.
     */
    static final class StraightToTheAggregate {

        private final Repository<Hook> hooks;

        StraightToTheAggregate(Repository<Hook> hooks) {
            this.hooks = hooks;
        }

        @CommandHandler
        HookChanged handle(RegisterHook command) throws Exception {
            return hooks.newInstance(() -> new Hook(command)).invoke(Hook::changed);
        }

        @CommandHandler
        HookChanged handle(ReviseHook command) {
            return hooks.load(command.hookId().toString()).invoke(hook -> hook.handle(command));
        }

        @CommandHandler
        HookChanged handle(RotateHookSecret command) {
            return hooks.load(command.hookId().toString()).invoke(hook -> hook.handle(command));
        }

        @CommandHandler
        void handle(RemoveHook command) {
            hooks.load(command.hookId().toString()).execute(hook -> hook.handle(command));
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Hook.class);
        fixture.registerAnnotatedCommandHandler(new StraightToTheAggregate(fixture.getRepository()));
    }

    private static HookDefinition webhook(String name) {
        return new HookDefinition(
                name,
                HookEventName.PRE_TOOL_USE,
                "Bash",
                HookType.WEBHOOK,
                URL,
                null,
                null,
                null,
                30,
                true,
                HookFailurePolicy.BLOCK);
    }

    private static HookDefinition commandHook(String name) {
        return new HookDefinition(
                name,
                HookEventName.POST_TOOL_USE,
                "",
                HookType.COMMAND,
                null,
                "./notify.sh",
                null,
                null,
                30,
                true,
                HookFailurePolicy.ALLOW);
    }

    private HookRegistered registered(HookDefinition definition) {
        return new HookRegistered(id, OWNER, definition, OWNER);
    }

    private static Matcher<?> refusedWith(HookError error) {
        return predicate(thrown -> thrown instanceof RuleViolation violation && violation.errorCode() == error);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Matcher<List<EventMessage<?>>> oneEventOwnedBy(UserId owner) {
        return (Matcher) exactSequenceOf(
                predicate((EventMessage<?> event) ->
                        owner.value().equals(event.getMetaData().get(OwnerMetaData.KEY))),
                andNoMore());
    }

    @Test
    void registersAWebhookInItsNormalisedFormAtVersionZero() {
        SessionId session = SessionId.random();
        HookDefinition sent = new HookDefinition(
                "  guard ",
                HookEventName.PRE_TOOL_USE,
                " Edit|Write ",
                HookType.WEBHOOK,
                " " + URL + " ",
                "dropped: webhooks run no command",
                session,
                null,
                null,
                true,
                null);

        fixture.givenNoPriorActivity()
                .when(new RegisterHook(id, ADA, sent))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(new HookDefinition(
                        "guard",
                        HookEventName.PRE_TOOL_USE,
                        "Edit|Write",
                        HookType.WEBHOOK,
                        URL,
                        null,
                        session,
                        null,
                        HookRules.DEFAULT_TIMEOUT_SECONDS,
                        true,
                        HookFailurePolicy.BLOCK)))
                .expectEventsMatching(oneEventOwnedBy(OWNER))
                .expectResultMessagePayload(new HookChanged(id, 0));
    }

    @Test
    void registersACommandHookWithoutAUrl() {
        HookDefinition sent = new HookDefinition(
                "notify",
                HookEventName.POST_TOOL_USE,
                null,
                HookType.COMMAND,
                URL,
                "./notify.sh",
                null,
                null,
                600,
                false,
                HookFailurePolicy.ALLOW);

        fixture.givenNoPriorActivity()
                .when(new RegisterHook(id, ADA, sent))
                .expectEvents(registered(new HookDefinition(
                        "notify",
                        HookEventName.POST_TOOL_USE,
                        "",
                        HookType.COMMAND,
                        null,
                        "./notify.sh",
                        null,
                        null,
                        600,
                        false,
                        HookFailurePolicy.ALLOW)));
    }

    static Stream<Arguments> invalidDefinitions() {
        HookDefinition valid = webhook("guard");
        return Stream.of(
                Arguments.of("no definition", null, HookError.INVALID_INPUT, "needs a definition"),
                Arguments.of(
                        "a blank name",
                        with(valid, " ", valid.matcher(), valid.url(), 30),
                        HookError.INVALID_INPUT,
                        "name must be"),
                Arguments.of(
                        "a name over the limit",
                        with(valid, "n".repeat(HookRules.NAME + 1), "", URL, 30),
                        HookError.INVALID_INPUT,
                        "name must be"),
                Arguments.of(
                        "no event",
                        new HookDefinition("guard", null, "", HookType.WEBHOOK, URL, null, null, null, 30, true, null),
                        HookError.INVALID_INPUT,
                        "event must be"),
                Arguments.of(
                        "no type",
                        new HookDefinition(
                                "guard", HookEventName.PRE_TOOL_USE, "", null, URL, null, null, null, 30, true, null),
                        HookError.INVALID_INPUT,
                        "type must be"),
                Arguments.of(
                        "a matcher that is not a regular expression",
                        with(valid, "guard", "Bash(", URL, 30),
                        HookError.MATCHER_INVALID,
                        "not a valid regular expression"),
                Arguments.of(
                        "a matcher over the limit",
                        with(valid, "guard", "a".repeat(HookMatcher.MATCHER_LIMIT + 1), URL, 30),
                        HookError.MATCHER_INVALID,
                        "at most"),
                Arguments.of(
                        "a zero timeout", with(valid, "guard", "", URL, 0), HookError.INVALID_INPUT, "timeoutSeconds"),
                Arguments.of(
                        "a timeout over the limit",
                        with(valid, "guard", "", URL, HookRules.MAX_TIMEOUT_SECONDS + 1),
                        HookError.INVALID_INPUT,
                        "timeoutSeconds"),
                Arguments.of(
                        "a webhook without a url",
                        with(valid, "guard", "", null, 30),
                        HookError.INVALID_INPUT,
                        "needs a url"),
                Arguments.of(
                        "a url over the limit",
                        with(valid, "guard", "", "https://h.example/" + "p".repeat(HookRules.URL), 30),
                        HookError.INVALID_INPUT,
                        "needs a url"),
                Arguments.of(
                        "a url that is not http(s)",
                        with(valid, "guard", "", "ftp://h.example/x", 30),
                        HookError.INVALID_INPUT,
                        "http(s) URL with a host"),
                Arguments.of(
                        "a url without a host",
                        with(valid, "guard", "", "https:///path", 30),
                        HookError.INVALID_INPUT,
                        "http(s) URL with a host"),
                Arguments.of(
                        "a malformed url",
                        with(valid, "guard", "", "https://h.example/a b", 30),
                        HookError.INVALID_INPUT,
                        "not a URL"),
                Arguments.of(
                        "a command hook without a command",
                        new HookDefinition(
                                "notify",
                                HookEventName.POST_TOOL_USE,
                                "",
                                HookType.COMMAND,
                                null,
                                "  ",
                                null,
                                null,
                                30,
                                true,
                                null),
                        HookError.INVALID_INPUT,
                        "needs a command"),
                Arguments.of(
                        "a command over the limit",
                        new HookDefinition(
                                "notify",
                                HookEventName.POST_TOOL_USE,
                                "",
                                HookType.COMMAND,
                                null,
                                "x".repeat(HookRules.COMMAND + 1),
                                null,
                                null,
                                30,
                                true,
                                null),
                        HookError.INVALID_INPUT,
                        "needs a command"));
    }

    private static HookDefinition with(HookDefinition base, String name, String matcher, String url, int timeout) {
        return new HookDefinition(
                name,
                base.event(),
                matcher,
                base.type(),
                url,
                base.command(),
                base.sessionId(),
                base.subagentId(),
                timeout,
                base.active(),
                base.onFailure());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void refusesToRegister(String what, HookDefinition definition, HookError error, String detail) {
        fixture.givenNoPriorActivity()
                .when(new RegisterHook(id, ADA, definition))
                .expectNoEvents()
                .expectException(refusedWith(error))
                .expectExceptionMessage(containsString(detail));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void refusesToReviseTo(String what, HookDefinition definition, HookError error, String detail) {
        fixture.given(registered(webhook("guard")))
                .when(new ReviseHook(id, ADA, 0L, definition))
                .expectNoEvents()
                .expectException(refusedWith(error))
                .expectExceptionMessage(containsString(detail));
    }

    @Test
    void revisesTheDefinitionAndAnswersTheNewVersion() {
        fixture.given(registered(webhook("guard")))
                .when(new ReviseHook(id, ADA, 0L, commandHook(" notify ")))
                .expectEvents(new HookRevised(id, commandHook("notify"), OWNER))
                .expectEventsMatching(oneEventOwnedBy(OWNER))
                .expectResultMessagePayload(new HookChanged(id, 1));
    }

    @Test
    void revisesWithoutAVersionCheckWhenNoneIsExpected() {
        fixture.given(registered(webhook("guard")), new HookSecretRotated(id, OWNER))
                .when(new ReviseHook(id, ADA, null, webhook("renamed")))
                .expectEvents(new HookRevised(id, webhook("renamed"), OWNER))
                .expectResultMessagePayload(new HookChanged(id, 2));
    }

    @Test
    void revisesAtTheVersionReachedAfterEarlierChanges() {
        fixture.given(
                        registered(webhook("guard")),
                        new HookRevised(id, webhook("guard 2"), OWNER),
                        new HookSecretRotated(id, OWNER))
                .when(new ReviseHook(id, ADA, 2L, webhook("guard 3")))
                .expectEvents(new HookRevised(id, webhook("guard 3"), OWNER))
                .expectResultMessagePayload(new HookChanged(id, 3));
    }

    @Test
    void refusesARevisionAgainstAStaleVersion() {
        fixture.given(registered(webhook("guard")), new HookRevised(id, webhook("guard 2"), OWNER))
                .when(new ReviseHook(id, ADA, 0L, webhook("guard 3")))
                .expectNoEvents()
                .expectException(refusedWith(HookError.VERSION_MISMATCH))
                .expectExceptionMessage(containsString("Hook is at version 1, not 0"));
    }

    @Test
    void answersAnotherUsersRevisionAsIfTheHookDidNotExist() {
        fixture.given(registered(webhook("guard")))
                .when(new ReviseHook(id, GRACE, 0L, webhook("mine now")))
                .expectNoEvents()
                .expectException(refusedWith(HookError.NOT_FOUND))
                .expectExceptionMessage(containsString("No hook " + id));
    }

    @Test
    void checksOwnershipBeforeTheVersionSoAStrangerLearnsNothing() {
        fixture.given(registered(webhook("guard")))
                .when(new ReviseHook(id, GRACE, 7L, webhook("mine now")))
                .expectNoEvents()
                .expectException(refusedWith(HookError.NOT_FOUND));
    }

    @Test
    void letsAnAdminReviseKeepingTheOwnerInTheMetadata() {
        fixture.given(registered(webhook("guard")))
                .when(new ReviseHook(id, ADMIN, 0L, webhook("audited")))
                .expectEvents(new HookRevised(id, webhook("audited"), ADMIN.id()))
                .expectEventsMatching(oneEventOwnedBy(OWNER));
    }

    @Test
    void rotatesAWebhooksSecret() {
        fixture.given(registered(webhook("guard")))
                .when(new RotateHookSecret(id, ADA))
                .expectEvents(new HookSecretRotated(id, OWNER))
                .expectEventsMatching(oneEventOwnedBy(OWNER))
                .expectResultMessagePayload(new HookChanged(id, 1));
    }

    @Test
    void letsAnAdminRotateAWebhooksSecret() {
        fixture.given(registered(webhook("guard")))
                .when(new RotateHookSecret(id, ADMIN))
                .expectEvents(new HookSecretRotated(id, ADMIN.id()))
                .expectEventsMatching(oneEventOwnedBy(OWNER));
    }

    @Test
    void refusesToRotateTheSecretOfACommandHook() {
        fixture.given(registered(commandHook("notify")))
                .when(new RotateHookSecret(id, ADA))
                .expectNoEvents()
                .expectException(refusedWith(HookError.INVALID_INPUT))
                .expectExceptionMessage(containsString("Only webhooks"));
    }

    @Test
    void refusesToRotateTheSecretOfAWebhookRevisedIntoACommandHook() {
        fixture.given(registered(webhook("guard")), new HookRevised(id, commandHook("guard"), OWNER))
                .when(new RotateHookSecret(id, ADA))
                .expectNoEvents()
                .expectException(refusedWith(HookError.INVALID_INPUT));
    }

    @Test
    void rotatesTheSecretOfACommandHookRevisedIntoAWebhook() {
        fixture.given(registered(commandHook("notify")), new HookRevised(id, webhook("notify"), OWNER))
                .when(new RotateHookSecret(id, ADA))
                .expectEvents(new HookSecretRotated(id, OWNER));
    }

    @Test
    void answersAnotherUsersRotationAsIfTheHookDidNotExist() {
        fixture.given(registered(webhook("guard")))
                .when(new RotateHookSecret(id, GRACE))
                .expectNoEvents()
                .expectException(refusedWith(HookError.NOT_FOUND));
    }

    @Test
    void removesAHook() {
        fixture.given(registered(webhook("guard")))
                .when(new RemoveHook(id, ADA))
                .expectEvents(new HookRemoved(id, OWNER))
                .expectEventsMatching(oneEventOwnedBy(OWNER));
    }

    @Test
    void letsAnAdminRemoveAHook() {
        fixture.given(registered(webhook("guard")))
                .when(new RemoveHook(id, ADMIN))
                .expectEvents(new HookRemoved(id, ADMIN.id()))
                .expectEventsMatching(oneEventOwnedBy(OWNER));
    }

    @Test
    void answersAnotherUsersRemovalAsIfTheHookDidNotExist() {
        fixture.given(registered(webhook("guard")))
                .when(new RemoveHook(id, GRACE))
                .expectNoEvents()
                .expectException(refusedWith(HookError.NOT_FOUND));
    }

    @Test
    void aRemovedHookCannotBeRevised() {
        fixture.given(registered(webhook("guard")), new HookRemoved(id, OWNER))
                .when(new ReviseHook(id, ADA, null, webhook("back")))
                .expectNoEvents()
                .expectException(instanceOf(AggregateDeletedException.class));
    }

    @Test
    void aRemovedHookCannotHaveItsSecretRotated() {
        fixture.given(registered(webhook("guard")), new HookRemoved(id, OWNER))
                .when(new RotateHookSecret(id, ADA))
                .expectNoEvents()
                .expectException(instanceOf(AggregateDeletedException.class));
    }

    @Test
    void aRemovedHookCannotBeRemovedAgain() {
        fixture.given(registered(webhook("guard")), new HookRemoved(id, OWNER))
                .when(new RemoveHook(id, ADA))
                .expectNoEvents()
                .expectException(instanceOf(AggregateDeletedException.class));
    }
}
