package dev.orchwiz.command.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.InteractionType;
import dev.orchwiz.api.session.SessionError;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
import dev.orchwiz.api.session.command.AdmitToolCall;
import dev.orchwiz.api.session.command.ArchiveSession;
import dev.orchwiz.api.session.command.ChangeSessionMode;
import dev.orchwiz.api.session.command.FieldChange;
import dev.orchwiz.api.session.command.ForkSession;
import dev.orchwiz.api.session.command.MoveSession;
import dev.orchwiz.api.session.command.PromptSubmitted;
import dev.orchwiz.api.session.command.RecordInteraction;
import dev.orchwiz.api.session.command.ReviseSessionDetails;
import dev.orchwiz.api.session.command.SessionChanged;
import dev.orchwiz.api.session.command.ShareSession;
import dev.orchwiz.api.session.command.StartSession;
import dev.orchwiz.api.session.command.SubmitPrompt;
import dev.orchwiz.api.session.event.SessionArchived;
import dev.orchwiz.api.session.event.SessionCompleted;
import dev.orchwiz.api.session.event.SessionDescriptionChanged;
import dev.orchwiz.api.session.event.SessionExecutionStarted;
import dev.orchwiz.api.session.event.SessionFailed;
import dev.orchwiz.api.session.event.SessionForked;
import dev.orchwiz.api.session.event.SessionInteractionRecorded;
import dev.orchwiz.api.session.event.SessionMetadataChanged;
import dev.orchwiz.api.session.event.SessionModeChanged;
import dev.orchwiz.api.session.event.SessionPaused;
import dev.orchwiz.api.session.event.SessionRenamed;
import dev.orchwiz.api.session.event.SessionResumed;
import dev.orchwiz.api.session.event.SessionShared;
import dev.orchwiz.api.session.event.SessionStarted;
import dev.orchwiz.api.session.event.SessionUnshared;
import dev.orchwiz.api.session.event.SessionWorkspaceChanged;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionTest {

    private static final UserId OWNER = UserId.of("ada");
    private static final Actor ADA = new Actor(OWNER, false);
    private static final Actor GRACE = new Actor(UserId.of("grace"), false);
    private static final Actor ADMIN = new Actor(UserId.of("root"), true);

    private final SessionId id = SessionId.random();
    private FixtureConfiguration<Session> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
    }

    private SessionStarted started() {
        return new SessionStarted(
                id,
                OWNER,
                "Fix flaky test",
                "CI fails sometimes",
                "find the flake",
                SessionMode.PLAN,
                SessionSource.WEB,
                "orchwiz",
                "main",
                "dev",
                Map.of("ticket", 42),
                null,
                OWNER,
                null,
                null);
    }

    /** Events that bring a fresh session to the given status, in the order the state machine allows. */
    private List<Object> historyTo(SessionStatus status) {
        List<Object> history = new ArrayList<>(List.of(started()));
        switch (status) {
            case PLANNING -> {}
            case EXECUTING -> history.add(new SessionExecutionStarted(id, OWNER));
            case PAUSED -> {
                history.add(new SessionExecutionStarted(id, OWNER));
                history.add(new SessionPaused(id, null, OWNER));
            }
            case COMPLETED -> {
                history.add(new SessionExecutionStarted(id, OWNER));
                history.add(new SessionCompleted(id, null, OWNER));
            }
            case FAILED -> {
                history.add(new SessionExecutionStarted(id, OWNER));
                history.add(new SessionFailed(id, "boom", OWNER));
            }
        }
        return history;
    }

    @Nested
    class Starting {

        @Test
        void startsInPlanningWithDefaultsForModeAndSource() {
            fixture.givenNoPriorActivity()
                    .when(new StartSession(
                            id, ADA, "t", null, null, null, null, null, null, null, Map.of(), null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SessionStarted(
                            id,
                            OWNER,
                            "t",
                            null,
                            null,
                            SessionMode.PLAN,
                            SessionSource.WEB,
                            null,
                            null,
                            null,
                            null,
                            null,
                            OWNER,
                            null,
                            null));
        }

        @Test
        void recordsTheOwnerAsMetadataOfEveryEvent() {
            fixture.givenNoPriorActivity()
                    .when(new StartSession(
                            id,
                            ADA,
                            "t",
                            null,
                            null,
                            SessionMode.AUTO_ACCEPT,
                            SessionSource.IOS,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.predicate(
                                    (org.axonframework.eventhandling.EventMessage<?> message) ->
                                            "ada".equals(message.getMetaData().get("ownerId"))),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }

        @Test
        void rejectsATitleOverTheLimit() {
            fixture.givenNoPriorActivity()
                    .when(new StartSession(
                            id, ADA, "x".repeat(201), null, null, null, null, null, null, null, null, null, null))
                    .expectException(refused(SessionError.INVALID_INPUT))
                    .expectNoEvents();
        }
    }

    @Nested
    class StatusMachine {

        static Stream<Arguments> allowedTransitions() {
            return Stream.of(
                    Arguments.of(SessionStatus.PLANNING, SessionStatus.EXECUTING, SessionExecutionStarted.class),
                    Arguments.of(SessionStatus.EXECUTING, SessionStatus.PAUSED, SessionPaused.class),
                    Arguments.of(SessionStatus.PAUSED, SessionStatus.EXECUTING, SessionResumed.class),
                    Arguments.of(SessionStatus.EXECUTING, SessionStatus.COMPLETED, SessionCompleted.class),
                    Arguments.of(SessionStatus.EXECUTING, SessionStatus.FAILED, SessionFailed.class));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("allowedTransitions")
        void movesAlongEveryAllowedTransition(SessionStatus from, SessionStatus to, Class<?> expectedEvent) {
            List<Object> history = historyTo(from);
            fixture.given(history)
                    .when(new MoveSession(id, ADA, null, to, "because"))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(new SessionChanged(id, history.size()))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    org.hamcrest.Matchers.instanceOf(expectedEvent)),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }

        static Stream<Arguments> rejectedTransitions() {
            Set<String> allowed = Set.of(
                    "PLANNING>EXECUTING",
                    "EXECUTING>PAUSED",
                    "PAUSED>EXECUTING",
                    "EXECUTING>COMPLETED",
                    "EXECUTING>FAILED");
            List<Arguments> rejected = new ArrayList<>();
            for (SessionStatus from : SessionStatus.values()) {
                for (SessionStatus to : SessionStatus.values()) {
                    if (!allowed.contains(from + ">" + to)) {
                        rejected.add(Arguments.of(from, to));
                    }
                }
            }
            return rejected.stream();
        }

        @ParameterizedTest(name = "{0} -> {1} is refused")
        @MethodSource("rejectedTransitions")
        void rejectsEveryOtherTransition(SessionStatus from, SessionStatus to) {
            fixture.given(historyTo(from))
                    .when(new MoveSession(id, ADA, null, to, null))
                    .expectException(refused(SessionError.INVALID_TRANSITION))
                    .expectExceptionMessage(
                            org.hamcrest.Matchers.containsString("from " + from.wireName() + " to " + to.wireName()))
                    .expectNoEvents();
        }

        @Test
        void refusesWhenTheExpectedVersionIsStale() {
            fixture.given(historyTo(SessionStatus.EXECUTING))
                    .when(new MoveSession(id, ADA, 0L, SessionStatus.PAUSED, null))
                    .expectException(refused(SessionError.VERSION_MISMATCH))
                    .expectNoEvents();
        }

        @Test
        void acceptsWhenTheExpectedVersionIsCurrent() {
            fixture.given(historyTo(SessionStatus.EXECUTING))
                    .when(new MoveSession(id, ADA, 1L, SessionStatus.PAUSED, "lunch"))
                    .expectEvents(new SessionPaused(id, "lunch", OWNER));
        }
    }

    @Nested
    class Prompting {

        private final UUID interaction = UUID.randomUUID();

        @Test
        void recordsTheInputAndStartsExecutionFromPlanning() {
            fixture.given(started())
                    .when(new SubmitPrompt(id, ADA, null, interaction, "go", null))
                    .expectResultMessagePayload(
                            new PromptSubmitted(id, 2, OWNER, SessionMode.PLAN, null, null, Map.of("ticket", 42)))
                    .expectEvents(
                            new SessionInteractionRecorded(
                                    id, interaction, InteractionType.USER_INPUT, "go", null, OWNER),
                            new SessionExecutionStarted(id, OWNER));
        }

        @Test
        void recordsOnlyTheInputWhileExecuting() {
            fixture.given(historyTo(SessionStatus.EXECUTING))
                    .when(new SubmitPrompt(id, ADA, null, interaction, "more", Map.of("k", "v")))
                    .expectEvents(new SessionInteractionRecorded(
                            id, interaction, InteractionType.USER_INPUT, "more", Map.of("k", "v"), OWNER));
        }

        @Test
        void refusesPromptsWhilePausedOrClosed() {
            for (SessionStatus status :
                    EnumSet.of(SessionStatus.PAUSED, SessionStatus.COMPLETED, SessionStatus.FAILED)) {
                fixture = new AggregateTestFixture<>(Session.class);
                fixture.given(historyTo(status))
                        .when(new SubmitPrompt(id, ADA, null, interaction, "hi", null))
                        .expectException(refused(SessionError.CLOSED))
                        .expectNoEvents();
            }
        }

        @Test
        void refusesABlankPrompt() {
            fixture.given(started())
                    .when(new SubmitPrompt(id, ADA, null, interaction, "  ", null))
                    .expectException(refused(SessionError.INVALID_INPUT))
                    .expectNoEvents();
        }

        @Test
        void recordsRuntimeInteractionsInOrderWhileOpen() {
            fixture.given(historyTo(SessionStatus.PAUSED))
                    .when(new RecordInteraction(id, ADA, interaction, InteractionType.TOOL_USE, "ls", null))
                    .expectEvents(new SessionInteractionRecorded(
                            id, interaction, InteractionType.TOOL_USE, "ls", null, OWNER));
        }

        @Test
        void refusesRuntimeInteractionsOnceClosed() {
            fixture.given(historyTo(SessionStatus.COMPLETED))
                    .when(new RecordInteraction(id, ADA, interaction, InteractionType.AI_RESPONSE, "late", null))
                    .expectException(refused(SessionError.CLOSED));
        }
    }

    @Nested
    class Steering {

        @Test
        void changesModeOnlyWhenItDiffers() {
            fixture.given(started())
                    .when(new ChangeSessionMode(id, ADA, null, SessionMode.AUTO_ACCEPT))
                    .expectEvents(new SessionModeChanged(id, SessionMode.PLAN, SessionMode.AUTO_ACCEPT, OWNER));
            fixture.given(started())
                    .when(new ChangeSessionMode(id, ADA, null, SessionMode.PLAN))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void revisesOnlyTheFieldsThatChangeInOneDecision() {
            fixture.given(started())
                    .when(new ReviseSessionDetails(
                            id,
                            ADA,
                            0L,
                            FieldChange.to("New title"),
                            FieldChange.to(null),
                            null,
                            FieldChange.to("feature"),
                            null,
                            FieldChange.to(Map.of("ticket", 43))))
                    .expectEvents(
                            new SessionRenamed(id, "New title", OWNER),
                            new SessionDescriptionChanged(id, null, OWNER),
                            new SessionWorkspaceChanged(id, "orchwiz", "feature", "dev", OWNER),
                            new SessionMetadataChanged(id, Map.of("ticket", 43), OWNER));
        }

        @Test
        void aRevisionWithAnInvalidFieldWritesNothing() {
            fixture.given(started())
                    .when(new ReviseSessionDetails(
                            id,
                            ADA,
                            null,
                            FieldChange.to("fine"),
                            null,
                            null,
                            FieldChange.to("b".repeat(256)),
                            null,
                            null))
                    .expectException(refused(SessionError.INVALID_INPUT))
                    .expectNoEvents();
        }

        @Test
        void forksIntoANewSessionWithTheParentsSettings() {
            SessionId fork = SessionId.random();
            fixture.given(historyTo(SessionStatus.COMPLETED))
                    .when(new ForkSession(id, fork, ADA, null))
                    .expectResultMessagePayload(new SessionChanged(fork, 0))
                    .expectEvents(
                            new SessionStarted(
                                    fork,
                                    OWNER,
                                    "Fork of Fix flaky test",
                                    "CI fails sometimes",
                                    "find the flake",
                                    SessionMode.PLAN,
                                    SessionSource.WEB,
                                    "orchwiz",
                                    "main",
                                    "dev",
                                    Map.of("ticket", 42),
                                    id,
                                    OWNER,
                                    null,
                                    null),
                            new SessionForked(id, fork, OWNER));
        }
    }

    @Nested
    class AdmittingToolCalls {

        @Test
        void answersTheModeAsTheSessionHasItNow() {
            fixture.given(started(), new SessionModeChanged(id, SessionMode.PLAN, SessionMode.AUTO_ACCEPT, OWNER))
                    .when(new AdmitToolCall(id, ADA))
                    .expectResultMessagePayload(SessionMode.AUTO_ACCEPT)
                    .expectNoEvents();
        }

        @Test
        void refusesSomeoneWhoMayOnlyReadOrNotSeeIt() {
            fixture.given(started())
                    .when(new AdmitToolCall(id, GRACE))
                    .expectException(refused(SessionError.NOT_FOUND));
            fixture.given(started(), new SessionShared(id, OWNER))
                    .when(new AdmitToolCall(id, GRACE))
                    .expectException(refused(SessionError.READ_ONLY));
        }

        @Test
        void refusesCallsInAnArchivedSession() {
            fixture.given(started(), new SessionArchived(id, OWNER))
                    .when(new AdmitToolCall(id, ADA))
                    .expectException(refused(SessionError.ARCHIVED));
        }
    }

    @Nested
    class Ownership {

        @Test
        void anotherUsersSessionLooksMissing() {
            fixture.given(started())
                    .when(new ChangeSessionMode(id, GRACE, null, SessionMode.AUTO_ACCEPT))
                    .expectException(refused(SessionError.NOT_FOUND))
                    .expectNoEvents();
        }

        @Test
        void theOwnerSharesReadOnlyAndOthersMayForkButNotChange() {
            fixture.given(started())
                    .when(new ShareSession(id, ADA, null, true))
                    .expectEvents(new SessionShared(id, OWNER));
            fixture.given(started(), new SessionShared(id, OWNER))
                    .when(new ChangeSessionMode(id, GRACE, null, SessionMode.AUTO_ACCEPT))
                    .expectException(refused(SessionError.READ_ONLY))
                    .expectNoEvents();
            fixture.given(started(), new SessionShared(id, OWNER))
                    .when(new ShareSession(id, GRACE, null, false))
                    .expectException(refused(SessionError.READ_ONLY));
            SessionId fork = SessionId.random();
            fixture.given(started(), new SessionShared(id, OWNER))
                    .when(new ForkSession(id, fork, GRACE, "mine now"))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    org.hamcrest.Matchers.instanceOf(SessionStarted.class)),
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    org.hamcrest.Matchers.instanceOf(SessionForked.class)),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
            fixture.given(started(), new SessionShared(id, OWNER), new SessionUnshared(id, OWNER))
                    .when(new ForkSession(id, SessionId.random(), GRACE, null))
                    .expectException(refused(SessionError.NOT_FOUND));
        }

        @Test
        void anAdminMayChangeAnyonesSession() {
            fixture.given(started())
                    .when(new ChangeSessionMode(id, ADMIN, null, SessionMode.AUTO_ACCEPT))
                    .expectEvents(new SessionModeChanged(id, SessionMode.PLAN, SessionMode.AUTO_ACCEPT, ADMIN.id()));
        }

        @Test
        void refusesEveryCommandOnceArchived() {
            fixture.given(started())
                    .when(new ArchiveSession(id, ADA, null))
                    .expectEvents(new SessionArchived(id, OWNER));
            fixture.given(started(), new SessionArchived(id, OWNER))
                    .when(new SubmitPrompt(id, ADA, null, UUID.randomUUID(), "hi", null))
                    .expectException(refused(SessionError.ARCHIVED))
                    .expectNoEvents();
            fixture.given(started(), new SessionArchived(id, OWNER))
                    .when(new ForkSession(id, SessionId.random(), ADA, null))
                    .expectException(refused(SessionError.ARCHIVED));
        }
    }

    @Test
    void everyRefusalCarriesItsStableCode() {
        assertThat(SessionRefusal.notFound("x").errorCode()).isEqualTo(SessionError.NOT_FOUND);
        assertThat(SessionError.INVALID_TRANSITION.code()).isEqualTo("SESSION_INVALID_TRANSITION");
        assertThat(SessionRefusal.invalidTransition(SessionStatus.PLANNING, SessionStatus.PAUSED)
                        .errorCode())
                .isEqualTo(SessionError.INVALID_TRANSITION);
        assertThat(SessionRefusal.staleVersion(id, 1, 2).errorCode()).isEqualTo(SessionError.VERSION_MISMATCH);
    }

    /** A refusal of this context with exactly this error, not merely some refusal. */
    private static Matcher<Object> refused(SessionError error) {
        return new FeatureMatcher<Object, Object>(equalTo(error), "a SessionRefusal with error", "error") {
            @Override
            protected Object featureValueOf(Object actual) {
                return actual instanceof SessionRefusal refusal ? refusal.errorCode() : actual;
            }
        };
    }
}
