package dev.orchwiz.command.hook;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.containsString;

import dev.orchwiz.api.hook.DeliveryAttemptOutcome;
import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.hook.command.RecordHookDeliveryAttempt;
import dev.orchwiz.api.hook.command.RedeliverHookDelivery;
import dev.orchwiz.api.hook.command.ScheduleHookDelivery;
import dev.orchwiz.api.hook.event.HookDeliveryAttempted;
import dev.orchwiz.api.hook.event.HookDeliveryDeadLettered;
import dev.orchwiz.api.hook.event.HookDeliveryRetryScheduled;
import dev.orchwiz.api.hook.event.HookDeliveryScheduled;
import dev.orchwiz.api.hook.event.HookDeliverySucceeded;
import dev.orchwiz.api.hook.event.HookRedeliveryRequested;
import dev.orchwiz.api.id.HookDeliveryId;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.OwnerMetaData;
import dev.orchwiz.api.problem.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One webhook delivery across its attempts: retry or dead letter, duplicates counted once, redelivery by hand. */
class HookDeliveryTest {

    private static final UserId OWNER = UserId.of("ada");
    private static final Actor ADA = new Actor(OWNER, false);
    private static final Actor GRACE = new Actor(UserId.of("grace"), false);
    private static final Actor ADMIN = new Actor(UserId.of("root"), true);
    private static final String BODY = "{\"hook_event_name\":\"PostToolUse\"}";

    private final HookDeliveryId id = new HookDeliveryId(UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100"));
    private final HookId hookId = HookId.random();
    private final ToolCallId toolCallId = ToolCallId.random();
    private AggregateTestFixture<HookDelivery> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HookDelivery.class);
    }

    private ScheduleHookDelivery schedule() {
        return new ScheduleHookDelivery(id, hookId, OWNER, toolCallId, "PostToolUse", BODY);
    }

    /** A scheduled delivery: given as its command, since the aggregate reads its owner from the event's metadata. */
    private TestExecutor<HookDelivery> scheduled() {
        return fixture.givenCommands(schedule());
    }

    private Instant later() {
        return fixture.currentTime().plus(Duration.ofMinutes(1));
    }

    private RecordHookDeliveryAttempt attempt(int number, DeliveryAttemptOutcome outcome, Instant nextAttemptAt) {
        Integer code = outcome == DeliveryAttemptOutcome.DELIVERED ? 200 : 503;
        String error = outcome == DeliveryAttemptOutcome.DELIVERED ? null : "HTTP 503";
        return new RecordHookDeliveryAttempt(id, number, outcome, code, 42, error, nextAttemptAt);
    }

    private HookDeliveryAttempted attempted(int number, DeliveryAttemptOutcome outcome) {
        Integer code = outcome == DeliveryAttemptOutcome.DELIVERED ? 200 : 503;
        String error = outcome == DeliveryAttemptOutcome.DELIVERED ? null : "HTTP 503";
        return new HookDeliveryAttempted(id, hookId, number, outcome, code, 42, error, fixture.currentTime());
    }

    private static Matcher<?> refusedWith(HookError error) {
        return predicate(thrown -> thrown instanceof RuleViolation violation && violation.errorCode() == error);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Matcher<java.util.List<EventMessage<?>>> allOwnedBy(UserId owner, int count) {
        Matcher[] each = new Matcher[count + 1];
        for (int i = 0; i < count; i++) {
            each[i] = predicate((EventMessage<?> event) ->
                    owner.value().equals(event.getMetaData().get(OwnerMetaData.KEY)));
        }
        each[count] = andNoMore();
        return (Matcher) exactSequenceOf(each);
    }

    @Test
    void schedulesADeliveryDueNowWithAWebhookIdDerivedFromItsId() {
        fixture.givenNoPriorActivity()
                .when(schedule())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HookDeliveryScheduled(
                        id,
                        hookId,
                        toolCallId,
                        "msg_0f0e0d0c0b0a49088706050403020100",
                        "PostToolUse",
                        BODY,
                        fixture.currentTime()));
    }

    @Test
    void namesTheHooksOwnerInTheMetadataOfEveryEvent() {
        fixture.givenNoPriorActivity().when(schedule()).expectEventsMatching(allOwnedBy(OWNER, 1));
        scheduled().when(attempt(1, DeliveryAttemptOutcome.FAILED, later())).expectEventsMatching(allOwnedBy(OWNER, 2));
    }

    @Test
    void recordsASuccessfulFirstAttemptAsDelivered() {
        scheduled()
                .when(attempt(1, DeliveryAttemptOutcome.DELIVERED, null))
                .expectEvents(attempted(1, DeliveryAttemptOutcome.DELIVERED), new HookDeliverySucceeded(id, hookId, 1));
    }

    @Test
    void schedulesARetryWhenAFailedAttemptNamesTheNextOne() {
        Instant next = later();
        scheduled()
                .when(attempt(1, DeliveryAttemptOutcome.FAILED, next))
                .expectEvents(
                        attempted(1, DeliveryAttemptOutcome.FAILED), new HookDeliveryRetryScheduled(id, hookId, next));
    }

    @Test
    void deadLettersAFailedAttemptWithoutANextOne() {
        Instant next = later();
        scheduled()
                .andGivenCommands(
                        attempt(1, DeliveryAttemptOutcome.FAILED, next),
                        attempt(2, DeliveryAttemptOutcome.FAILED, next))
                .when(attempt(3, DeliveryAttemptOutcome.FAILED, null))
                .expectEvents(
                        attempted(3, DeliveryAttemptOutcome.FAILED),
                        new HookDeliveryDeadLettered(id, hookId, 3, "Gave up after 3 attempts"));
    }

    @Test
    void deadLettersARefusedTargetAtOnceEvenWhenARetryIsNamed() {
        scheduled()
                .when(attempt(1, DeliveryAttemptOutcome.REFUSED, later()))
                .expectEvents(
                        attempted(1, DeliveryAttemptOutcome.REFUSED),
                        new HookDeliveryDeadLettered(id, hookId, 1, "The target was refused: HTTP 503"));
    }

    @Test
    void acceptsTheNextAttemptAfterARetry() {
        scheduled()
                .andGivenCommands(attempt(1, DeliveryAttemptOutcome.FAILED, later()))
                .when(attempt(2, DeliveryAttemptOutcome.DELIVERED, null))
                .expectEvents(attempted(2, DeliveryAttemptOutcome.DELIVERED), new HookDeliverySucceeded(id, hookId, 2));
    }

    @Test
    void countsAnAttemptRecordedTwiceOnce() {
        scheduled()
                .andGivenCommands(attempt(1, DeliveryAttemptOutcome.FAILED, later()))
                .when(attempt(1, DeliveryAttemptOutcome.FAILED, later()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ignoresAnAttemptThatSkipsANumber() {
        scheduled()
                .when(attempt(2, DeliveryAttemptOutcome.DELIVERED, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(DeliveryAttemptOutcome.class)
    void ignoresFurtherAttemptsOnceDelivered(DeliveryAttemptOutcome outcome) {
        scheduled()
                .andGivenCommands(attempt(1, DeliveryAttemptOutcome.DELIVERED, null))
                .when(attempt(2, outcome, later()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(DeliveryAttemptOutcome.class)
    void ignoresFurtherAttemptsOnceDeadLettered(DeliveryAttemptOutcome outcome) {
        scheduled()
                .andGivenCommands(attempt(1, DeliveryAttemptOutcome.REFUSED, null))
                .when(attempt(2, outcome, later()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cutsALongErrorToTheLimitWithAnEllipsis() {
        String error = "x".repeat(HookDelivery.ERROR_LIMIT + 1);
        String kept = "x".repeat(HookDelivery.ERROR_LIMIT - 1) + "…";
        scheduled()
                .when(new RecordHookDeliveryAttempt(id, 1, DeliveryAttemptOutcome.REFUSED, null, 7, error, null))
                .expectEvents(
                        new HookDeliveryAttempted(
                                id, hookId, 1, DeliveryAttemptOutcome.REFUSED, null, 7, kept, fixture.currentTime()),
                        new HookDeliveryDeadLettered(id, hookId, 1, "The target was refused: " + kept));
    }

    @Test
    void neverCutsAnEmojiInHalf() {
        // the cut would fall between the two halves of the emoji: the whole emoji goes instead
        String error = "x".repeat(HookDelivery.ERROR_LIMIT - 2) + "🚀" + "tail";
        String kept = "x".repeat(HookDelivery.ERROR_LIMIT - 2) + "…";
        scheduled()
                .when(new RecordHookDeliveryAttempt(id, 1, DeliveryAttemptOutcome.REFUSED, null, 7, error, null))
                .expectEvents(
                        new HookDeliveryAttempted(
                                id, hookId, 1, DeliveryAttemptOutcome.REFUSED, null, 7, kept, fixture.currentTime()),
                        new HookDeliveryDeadLettered(id, hookId, 1, "The target was refused: " + kept));
    }

    @Test
    void keepsAnErrorExactlyAtTheLimit() {
        String error = "x".repeat(HookDelivery.ERROR_LIMIT);
        scheduled()
                .when(new RecordHookDeliveryAttempt(id, 1, DeliveryAttemptOutcome.FAILED, 500, 7, error, later()))
                .expectEvents(
                        new HookDeliveryAttempted(
                                id, hookId, 1, DeliveryAttemptOutcome.FAILED, 500, 7, error, fixture.currentTime()),
                        new HookDeliveryRetryScheduled(id, hookId, later()));
    }

    @Test
    void letsTheOwnerRedeliverADeadLetter() {
        scheduled()
                .andGivenCommands(attempt(1, DeliveryAttemptOutcome.FAILED, null))
                .when(new RedeliverHookDelivery(id, ADA))
                .expectEvents(new HookRedeliveryRequested(id, hookId, OWNER))
                .expectEventsMatching(allOwnedBy(OWNER, 1));
    }

    @Test
    void letsTheOwnerRedeliverADeliveredOne() {
        scheduled()
                .andGivenCommands(attempt(1, DeliveryAttemptOutcome.DELIVERED, null))
                .when(new RedeliverHookDelivery(id, ADA))
                .expectEvents(new HookRedeliveryRequested(id, hookId, OWNER));
    }

    @Test
    void letsAnAdminRedeliverKeepingTheOwnerInTheMetadata() {
        scheduled()
                .andGivenCommands(attempt(1, DeliveryAttemptOutcome.FAILED, null))
                .when(new RedeliverHookDelivery(id, ADMIN))
                .expectEvents(new HookRedeliveryRequested(id, hookId, ADMIN.id()))
                .expectEventsMatching(allOwnedBy(OWNER, 1));
    }

    @Test
    void answersAnotherUsersRedeliveryAsIfTheDeliveryDidNotExist() {
        scheduled()
                .andGivenCommands(attempt(1, DeliveryAttemptOutcome.FAILED, null))
                .when(new RedeliverHookDelivery(id, GRACE))
                .expectNoEvents()
                .expectException(refusedWith(HookError.DELIVERY_NOT_FOUND))
                .expectExceptionMessage(containsString("No delivery " + id));
    }

    @Test
    void refusesToRedeliverAPendingDelivery() {
        scheduled()
                .when(new RedeliverHookDelivery(id, ADA))
                .expectNoEvents()
                .expectException(refusedWith(HookError.DELIVERY_IN_PROGRESS));
    }

    @Test
    void refusesToRedeliverADeliveryWaitingForItsRetry() {
        scheduled()
                .andGivenCommands(attempt(1, DeliveryAttemptOutcome.FAILED, later()))
                .when(new RedeliverHookDelivery(id, ADA))
                .expectNoEvents()
                .expectException(refusedWith(HookError.DELIVERY_IN_PROGRESS));
    }

    @Test
    void refusesASecondRedeliveryBeforeTheFirstIsTried() {
        scheduled()
                .andGivenCommands(attempt(1, DeliveryAttemptOutcome.FAILED, null), new RedeliverHookDelivery(id, ADA))
                .when(new RedeliverHookDelivery(id, ADA))
                .expectNoEvents()
                .expectException(refusedWith(HookError.DELIVERY_IN_PROGRESS));
    }

    @Test
    void goesOnNumberingAttemptsAfterARedelivery() {
        scheduled()
                .andGivenCommands(attempt(1, DeliveryAttemptOutcome.FAILED, null), new RedeliverHookDelivery(id, ADA))
                .when(attempt(2, DeliveryAttemptOutcome.DELIVERED, null))
                .expectEvents(attempted(2, DeliveryAttemptOutcome.DELIVERED), new HookDeliverySucceeded(id, hookId, 2));
    }

    @Test
    void ignoresAnAttemptNumberedFromOneAgainAfterARedelivery() {
        scheduled()
                .andGivenCommands(attempt(1, DeliveryAttemptOutcome.FAILED, null), new RedeliverHookDelivery(id, ADA))
                .when(attempt(1, DeliveryAttemptOutcome.DELIVERED, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
