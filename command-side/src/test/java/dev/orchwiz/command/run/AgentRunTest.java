package dev.orchwiz.command.run;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.run.RunState;
import dev.orchwiz.api.run.RuntimeToolUse;
import dev.orchwiz.api.run.ToolResult;
import dev.orchwiz.api.run.command.CancelRun;
import dev.orchwiz.api.run.command.CompleteRun;
import dev.orchwiz.api.run.command.FailRun;
import dev.orchwiz.api.run.command.MarkRunAwaitingApproval;
import dev.orchwiz.api.run.command.RecordAssistantOutput;
import dev.orchwiz.api.run.command.RecordModelCall;
import dev.orchwiz.api.run.command.RecordRunApprovalDecision;
import dev.orchwiz.api.run.command.RecordRunToolCall;
import dev.orchwiz.api.run.command.RecordRuntimeFallback;
import dev.orchwiz.api.run.command.RunChanged;
import dev.orchwiz.api.run.command.StartRun;
import dev.orchwiz.api.run.event.AssistantOutputStreamed;
import dev.orchwiz.api.run.event.ModelCallCompleted;
import dev.orchwiz.api.run.event.RunApprovalDecided;
import dev.orchwiz.api.run.event.RunAwaitingApproval;
import dev.orchwiz.api.run.event.RunCancelled;
import dev.orchwiz.api.run.event.RunCompleted;
import dev.orchwiz.api.run.event.RunFailed;
import dev.orchwiz.api.run.event.RunStarted;
import dev.orchwiz.api.run.event.RunToolCallRequested;
import dev.orchwiz.api.run.event.RunToolResultReceived;
import dev.orchwiz.api.run.event.RuntimeFellBack;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every transition of a run and every refusal, given its events. */
class AgentRunTest {

    private static final UserId OWNER = UserId.of("ada");
    private static final Actor ADA = new Actor(OWNER, false);
    private static final Actor GRACE = new Actor(UserId.of("grace"), false);
    private static final Actor ADMIN = new Actor(UserId.of("root"), true);
    private static final Map<String, String> TAGS = Map.of("mode", "plan", "node", "n1");
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    private final RunId id = RunId.random();
    private final SessionId session = SessionId.random();
    private final ToolCallId first = ToolCallId.random();
    private final ToolCallId second = ToolCallId.random();
    private FixtureConfiguration<AgentRun> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AgentRun.class);
    }

    private RunStarted started() {
        return new RunStarted(
                id,
                session,
                OWNER,
                "0af7651916cd43dd8448eb211c80319c",
                "b7ad6b7169203331",
                "local",
                "local-echo",
                null,
                "hi",
                "prompt",
                20,
                200_000,
                List.of(),
                true,
                OWNER,
                TAGS,
                List.of(),
                null);
    }

    private ModelCallCompleted modelCall(int step, long in, long out, String cost) {
        return new ModelCallCompleted(
                id,
                step,
                "span" + step,
                "local",
                "local-echo",
                in,
                out,
                new BigDecimal(cost),
                AT,
                12,
                "stop",
                "x",
                List.of(),
                List.of());
    }

    /**
     * The command that records {@code call} as the event states it, with what follows from the call: the expected event
     * and the command are built from one set of fields, so a test names each value once.
     */
    private static RecordModelCall recording(
            ModelCallCompleted call,
            String outputTail,
            List<RecordModelCall.Link> links,
            boolean completes,
            List<ToolResult> results) {
        return new RecordModelCall(
                call.runId(),
                call.step(),
                call.spanId(),
                call.runtime(),
                call.model(),
                call.inputTokens(),
                call.outputTokens(),
                call.cost(),
                call.startedAt(),
                call.latencyMillis(),
                call.finishReason(),
                call.text(),
                call.toolCalls(),
                call.runtimeTools(),
                outputTail,
                links,
                completes,
                results);
    }

    private RunToolCallRequested toolCall(ToolCallId call) {
        return new RunToolCallRequested(id, 1, call, "p-" + call, "Bash", Map.of("command", "ls"), "tool" + call);
    }

    @Test
    void startsRunning() {
        fixture.givenNoPriorActivity()
                .when(new StartRun(
                        id,
                        ADA,
                        session,
                        OWNER,
                        "0af7651916cd43dd8448eb211c80319c",
                        "b7ad6b7169203331",
                        "local",
                        "local-echo",
                        null,
                        "hi",
                        "prompt",
                        20,
                        200_000,
                        List.of(),
                        true,
                        TAGS,
                        null,
                        null))
                .expectEvents(started())
                .expectResultMessagePayload(new RunChanged(id, RunState.RUNNING, 0));
    }

    @Test
    void recordsStreamedOutputFallbacksAndModelCalls() {
        fixture.given(started())
                .when(new RecordAssistantOutput(id, 1, "Hello "))
                .expectEvents(new AssistantOutputStreamed(id, 1, "Hello "));
        fixture.given(started())
                .when(new RecordRuntimeFallback(id, "openclaw", "openai", "refused"))
                .expectEvents(new RuntimeFellBack(id, "openclaw", "openai", "refused"));
        fixture.given(started())
                .when(new RecordModelCall(
                        id,
                        1,
                        "span1",
                        "local",
                        "local-echo",
                        -5,
                        3,
                        null,
                        AT,
                        -1,
                        "stop",
                        "x",
                        List.of(),
                        null,
                        null,
                        List.of(),
                        false,
                        List.of()))
                .expectEvents(new ModelCallCompleted(
                        id,
                        1,
                        "span1",
                        "local",
                        "local-echo",
                        0,
                        3,
                        BigDecimal.ZERO,
                        AT,
                        0,
                        "stop",
                        "x",
                        List.of(),
                        List.of()));
    }

    @Test
    void keepsTheToolsARuntimeRanOnItsOwnSideForTheRecord() {
        List<RuntimeToolUse> ran = List.of(new RuntimeToolUse("t1", "exec", Map.of("command", "ls"), "a b", false));
        ModelCallCompleted call = new ModelCallCompleted(
                id, 1, "span1", "openclaw", "main", 1, 1, BigDecimal.ONE, AT, 5, "stop", "x", List.of(), ran);
        fixture.given(started())
                .when(recording(call, null, List.of(), false, List.of()))
                .expectEvents(call);
    }

    @Test
    void aModelCallRecordsTheToolCallsItAsksForInTheSameUnitOfWork() {
        ModelCallCompleted call = new ModelCallCompleted(
                id,
                1,
                "span1",
                "local",
                "local-echo",
                100,
                10,
                new BigDecimal("0.001"),
                AT,
                12,
                "tool_calls",
                "x",
                List.of(),
                List.of());
        List<RecordModelCall.Link> links = List.of(
                new RecordModelCall.Link(first, "p-" + first, "Bash", Map.of("command", "ls"), "tool" + first),
                new RecordModelCall.Link(second, "p-" + second, "Bash", Map.of("command", "ls"), "tool" + second));
        fixture.given(started())
                .when(recording(call, null, links, false, List.of()))
                .expectEvents(call, toolCall(first), toolCall(second));
    }

    @Test
    void aFinalModelCallCompletesTheRunWithTotalsThatIncludeIt() {
        ModelCallCompleted last = new ModelCallCompleted(
                id,
                2,
                "span2",
                "local",
                "local-echo",
                200,
                20,
                new BigDecimal("0.002"),
                AT,
                12,
                "stop",
                "done",
                List.of(),
                List.of());
        fixture.given(started(), modelCall(1, 100, 10, "0.001"))
                .when(recording(last, "done", List.of(), true, List.of()))
                .expectEvents(
                        new AssistantOutputStreamed(id, 2, "done"),
                        last,
                        new RunCompleted(id, "done", 300, 30, new BigDecimal("0.003"), 2));
        fixture.given(started(), new RunCancelled(id, ADA.id()))
                .when(new RecordModelCall(
                        id,
                        1,
                        "span1",
                        "local",
                        "local-echo",
                        1,
                        1,
                        null,
                        AT,
                        1,
                        "stop",
                        "late",
                        List.of(),
                        List.of(),
                        null,
                        List.of(),
                        true,
                        List.of()))
                .expectNoEvents();
    }

    @Test
    void emptyChunksAreNotEvents() {
        fixture.given(started()).when(new RecordAssistantOutput(id, 1, "")).expectNoEvents();
    }

    @Test
    void completesWithTheTotalsOfItsModelCalls() {
        fixture.given(started(), modelCall(1, 100, 10, "0.001"), modelCall(2, 200, 20, "0.002"))
                .when(new CompleteRun(id, "done"))
                .expectEvents(new RunCompleted(id, "done", 300, 30, new BigDecimal("0.003"), 2));
    }

    /** Step 2 as the event states it, a final answer (the model asked for no more tools). */
    private ModelCallCompleted stepTwo() {
        return new ModelCallCompleted(
                id,
                2,
                "span2",
                "local",
                "local-echo",
                10,
                1,
                BigDecimal.ZERO,
                AT,
                3,
                "stop",
                "done",
                List.of(),
                List.of());
    }

    private RecordModelCall stepTwoWith(List<ToolResult> results) {
        return recording(stepTwo(), null, List.of(), true, results);
    }

    private ToolResult result(ToolCallId call, String status, String output, boolean error) {
        return new ToolResult(call, status, output, error, AT.plusSeconds(1));
    }

    @Test
    void theNextModelCallRecordsTheStepsToolResultsFirstInTheSameUnitOfWork() {
        fixture.given(started(), modelCall(1, 100, 10, "0"), toolCall(first), toolCall(second))
                .when(stepTwoWith(List.of(
                        result(first, "completed", "ok", false), result(second, "denied", "denied by ada", true))))
                .expectEvents(
                        new RunToolResultReceived(id, first, "completed", "ok", false, AT.plusSeconds(1)),
                        new RunToolResultReceived(id, second, "denied", "denied by ada", true, AT.plusSeconds(1)),
                        stepTwo(),
                        new RunCompleted(id, "done", 110, 11, BigDecimal.ZERO, 2));
    }

    @Test
    void refusesAModelCallWhileACallOfItsStepIsUnsettled() {
        fixture.given(started(), modelCall(1, 100, 10, "0"), toolCall(first), toolCall(second))
                .when(stepTwoWith(List.of(result(first, "completed", "ok", false))))
                .expectNoEvents()
                .expectException(RunRefusal.class)
                .expectExceptionMessage("The run still waits for 1 tool call(s) of its step");
    }

    @Test
    void refusesResultsForCallsTheRunDoesNotWaitFor() {
        RunToolResultReceived settled = new RunToolResultReceived(id, first, "completed", "ok", false, AT);
        fixture.given(started(), modelCall(1, 100, 10, "0"), toolCall(first), settled)
                .when(stepTwoWith(List.of(result(first, "completed", "again", false))))
                .expectNoEvents()
                .expectException(RunRefusal.class)
                .expectExceptionMessage("The run does not wait for tool call " + first);
        fixture.given(started(), modelCall(1, 100, 10, "0"), toolCall(first))
                .when(stepTwoWith(
                        List.of(result(first, "completed", "ok", false), result(first, "completed", "twice", false))))
                .expectNoEvents()
                .expectException(RunRefusal.class);
    }

    @Test
    void refusesAModelCallForAStepOtherThanTheNext() {
        fixture.given(started(), modelCall(1, 100, 10, "0"), modelCall(2, 100, 10, "0"))
                .when(stepTwoWith(List.of()))
                .expectNoEvents()
                .expectException(RunRefusal.class)
                .expectExceptionMessage("The run's next model call is step 3, not 2");
    }

    @Test
    void aFailureKeepsTheResultsItsStepHadSettled() {
        fixture.given(started(), toolCall(first), toolCall(second))
                .when(new FailRun(
                        id,
                        "INTERRUPTED",
                        "node stopped",
                        List.of(result(first, "completed", "ok", false), result(first, "completed", "ok", false))))
                .expectEvents(
                        new RunToolResultReceived(id, first, "completed", "ok", false, AT.plusSeconds(1)),
                        new RunFailed(id, "INTERRUPTED", "node stopped"));
    }

    @Test
    void aToolCallIsRequestedOnce() {
        fixture.given(started(), toolCall(first))
                .when(new RecordRunToolCall(id, 1, first, "p", "Bash", Map.of(), "s"))
                .expectNoEvents();
    }

    @Test
    void waitsForApprovalOnlyForItsOwnPendingCalls() {
        fixture.given(started(), toolCall(first))
                .when(new MarkRunAwaitingApproval(id, first))
                .expectEvents(new RunAwaitingApproval(id, first));
        fixture.given(started()).when(new MarkRunAwaitingApproval(id, second)).expectNoEvents();
    }

    @Test
    void aDecisionEndsTheWaitBeforeTheResultReachesTheModel() {
        fixture.given(started(), toolCall(first), new RunAwaitingApproval(id, first))
                .when(new RecordRunApprovalDecision(id, first, "approved"))
                .expectEvents(new RunApprovalDecided(id, first, "approved"))
                .expectResultMessagePayload(new RunChanged(id, RunState.RUNNING, 3));
        fixture.given(
                        started(),
                        toolCall(first),
                        toolCall(second),
                        new RunAwaitingApproval(id, first),
                        new RunAwaitingApproval(id, second))
                .when(new RecordRunApprovalDecision(id, first, "denied"))
                .expectEvents(new RunApprovalDecided(id, first, "denied"))
                .expectResultMessagePayload(new RunChanged(id, RunState.AWAITING_APPROVAL, 5));
    }

    @Test
    void aCallIsDecidedOnceAndANoteThatItWaitsAfterItsDecisionChangesNothing() {
        RunApprovalDecided approved = new RunApprovalDecided(id, first, "approved");
        fixture.given(started(), toolCall(first), new RunAwaitingApproval(id, first), approved)
                .when(new RecordRunApprovalDecision(id, first, "approved"))
                .expectNoEvents();
        fixture.given(started(), toolCall(first), approved)
                .when(new MarkRunAwaitingApproval(id, first))
                .expectNoEvents();
        fixture.given(started())
                .when(new RecordRunApprovalDecision(id, first, "approved"))
                .expectNoEvents();
    }

    @Test
    void theOwnerOrAnAdminMayCancelAndNobodyElseLearnsItExists() {
        fixture.given(started()).when(new CancelRun(id, ADA)).expectEvents(new RunCancelled(id, OWNER));
        fixture.given(started()).when(new CancelRun(id, ADMIN)).expectEvents(new RunCancelled(id, ADMIN.id()));
        fixture.given(started()).when(new CancelRun(id, GRACE)).expectNoEvents().expectExceptionMessage("No run " + id);
    }

    @Test
    void aFinishedRunTakesNothingMore() {
        RunCompleted completed = new RunCompleted(id, "done", 0, 0, BigDecimal.ZERO, 1);
        fixture.given(started(), completed)
                .when(new CancelRun(id, ADA))
                .expectNoEvents()
                .expectException(RunRefusal.class);
        fixture.given(started(), completed)
                .when(new CompleteRun(id, "second answer"))
                .expectException(RunRefusal.class);
        fixture.given(started(), completed)
                .when(new FailRun(id, "RUNTIME_TIMEOUT", "late"))
                .expectNoEvents();
        fixture.given(started(), new RunCancelled(id, OWNER))
                .when(new RecordAssistantOutput(id, 1, "late chunk"))
                .expectNoEvents();
        fixture.given(started(), new RunFailed(id, "ERROR", "x"))
                .when(new RecordRunToolCall(id, 1, first, "p", "Bash", Map.of(), "s"))
                .expectException(RunRefusal.class);
    }

    @Test
    void failsWithItsCodeAndReason() {
        fixture.given(started())
                .when(new FailRun(id, "STEP_LIMIT", "20 calls"))
                .expectEvents(new RunFailed(id, "STEP_LIMIT", "20 calls"));
    }

    @Test
    void capsTextsSoOneAnswerCannotOutgrowTheStore() {
        String huge = "x".repeat(AgentRun.TEXT_LIMIT + 10);
        fixture.given(started())
                .when(new CompleteRun(id, huge))
                .expectEvents(new RunCompleted(
                        id, "x".repeat(AgentRun.TEXT_LIMIT) + "\n[truncated]", 0, 0, BigDecimal.ZERO, 0));
    }

    @Test
    void anUnknownRunIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CancelRun(RunId.of(UUID.randomUUID().toString()), ADA))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
