package dev.orchwiz.command.toolcall;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.instanceOf;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.toolcall.ApprovalDecision;
import dev.orchwiz.api.toolcall.BlockCause;
import dev.orchwiz.api.toolcall.HookFailurePolicy;
import dev.orchwiz.api.toolcall.HookRef;
import dev.orchwiz.api.toolcall.HookVerdict;
import dev.orchwiz.api.toolcall.PermissionOutcome;
import dev.orchwiz.api.toolcall.RuleRef;
import dev.orchwiz.api.toolcall.ToolCallOrigin;
import dev.orchwiz.api.toolcall.ToolCallStatus;
import dev.orchwiz.api.toolcall.command.CancelToolCall;
import dev.orchwiz.api.toolcall.command.DecideApproval;
import dev.orchwiz.api.toolcall.command.ExpireApproval;
import dev.orchwiz.api.toolcall.command.FinishToolCallRun;
import dev.orchwiz.api.toolcall.command.RecordHookVerdict;
import dev.orchwiz.api.toolcall.command.RecordToolCallOutput;
import dev.orchwiz.api.toolcall.command.ReportToolCallResult;
import dev.orchwiz.api.toolcall.command.RequestToolCall;
import dev.orchwiz.api.toolcall.command.StartToolCallRun;
import dev.orchwiz.api.toolcall.command.ToolCallChanged;
import dev.orchwiz.api.toolcall.event.ToolCallApprovalExpired;
import dev.orchwiz.api.toolcall.event.ToolCallApprovalRequested;
import dev.orchwiz.api.toolcall.event.ToolCallApproved;
import dev.orchwiz.api.toolcall.event.ToolCallAwaitingHooks;
import dev.orchwiz.api.toolcall.event.ToolCallBlocked;
import dev.orchwiz.api.toolcall.event.ToolCallCancellationRequested;
import dev.orchwiz.api.toolcall.event.ToolCallCancelled;
import dev.orchwiz.api.toolcall.event.ToolCallCompleted;
import dev.orchwiz.api.toolcall.event.ToolCallDenied;
import dev.orchwiz.api.toolcall.event.ToolCallFailed;
import dev.orchwiz.api.toolcall.event.ToolCallHookVerdictRecorded;
import dev.orchwiz.api.toolcall.event.ToolCallOutputRecorded;
import dev.orchwiz.api.toolcall.event.ToolCallOutputTruncated;
import dev.orchwiz.api.toolcall.event.ToolCallPermissionEvaluated;
import dev.orchwiz.api.toolcall.event.ToolCallRequested;
import dev.orchwiz.api.toolcall.event.ToolCallRunStarted;
import dev.orchwiz.command.permission.RuleEvaluation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every decision path of a tool call, in both session modes, as events. */
class ToolCallTest {

    private static final Actor ADA = new Actor(UserId.of("ada"), false);
    private static final Actor GRACE = new Actor(UserId.of("grace"), false);
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final Map<String, Object> INPUT = Map.of("command", "npm test");
    private static final HookRef GUARD =
            new HookRef("7d5e9b4e-0000-4000-8000-000000000001", "guard", HookFailurePolicy.BLOCK);
    private static final HookRef LENIENT =
            new HookRef("7d5e9b4e-0000-4000-8000-000000000002", "lenient", HookFailurePolicy.ALLOW);
    /** As stored before hooks had a failure policy. */
    private static final HookRef LEGACY = new HookRef("7d5e9b4e-0000-4000-8000-000000000003", "legacy", null);

    private final ToolCallId id = ToolCallId.random();
    private FixtureConfiguration<ToolCall> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ToolCall.class);
        fixture.registerInjectableResource(new RuleEvaluation());
        fixture.setReportIllegalStateChange(false);
    }

    private RequestToolCall request(SessionMode mode, PermissionOutcome outcome, HookRef... hooks) {
        List<RuleRef> rules = new ArrayList<>();
        if (outcome != null) {
            rules.add(new RuleRef(null, "Bash(npm test*)", outcome, "user", null, null, 0));
        }
        return new RequestToolCall(
                id,
                ADA,
                ToolCallOrigin.SLASH_COMMAND,
                null,
                SessionId.random(),
                null,
                null,
                "test",
                "Bash",
                INPUT,
                INPUT,
                null,
                null,
                mode,
                rules,
                List.of(hooks),
                true,
                NOW.plus(Duration.ofMinutes(15)));
    }

    private static Matcher<List<org.axonframework.eventhandling.EventMessage<?>>> events(Class<?>... types) {
        List<Matcher<?>> matchers = new ArrayList<>();
        for (Class<?> type : types) {
            matchers.add(instanceOf(type));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Matcher<List<org.axonframework.eventhandling.EventMessage<?>>> sequence =
                (Matcher) payloadsMatching(exactSequenceOf(matchers.toArray(Matcher[]::new)));
        return sequence;
    }

    private String hash() {
        return InputHash.of("Bash", INPUT);
    }

    @Test
    void runsAnAllowedCallAtOnceInAutoAccept() {
        fixture.givenNoPriorActivity()
                .when(request(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW))
                .expectEventsMatching(
                        events(ToolCallRequested.class, ToolCallPermissionEvaluated.class, ToolCallApproved.class))
                // The version of its last event: what a read of the call waits for as minVersion.
                .expectResultMessagePayload(new ToolCallChanged(id, 2));
    }

    @Test
    void asksForAnAllowedCallInPlanMode() {
        fixture.givenNoPriorActivity()
                .when(request(SessionMode.PLAN, PermissionOutcome.ALLOW))
                .expectEventsMatching(events(
                        ToolCallRequested.class, ToolCallPermissionEvaluated.class, ToolCallApprovalRequested.class));
    }

    @ParameterizedTest
    @EnumSource(SessionMode.class)
    void asksWhenARuleSaysAskInEitherMode(SessionMode mode) {
        fixture.givenNoPriorActivity()
                .when(request(mode, PermissionOutcome.ASK))
                .expectEventsMatching(events(
                        ToolCallRequested.class, ToolCallPermissionEvaluated.class, ToolCallApprovalRequested.class));
    }

    @ParameterizedTest
    @EnumSource(SessionMode.class)
    void asksWhenNoRuleMatchesInEitherMode(SessionMode mode) {
        fixture.givenNoPriorActivity()
                .when(request(mode, null))
                .expectEventsMatching(events(
                        ToolCallRequested.class, ToolCallPermissionEvaluated.class, ToolCallApprovalRequested.class));
    }

    @ParameterizedTest
    @EnumSource(SessionMode.class)
    void deniesFinallyWhenARuleSaysDenyInEitherMode(SessionMode mode) {
        fixture.givenNoPriorActivity()
                .when(request(mode, PermissionOutcome.DENY))
                .expectEventsMatching(
                        events(ToolCallRequested.class, ToolCallPermissionEvaluated.class, ToolCallDenied.class));
    }

    @ParameterizedTest
    @EnumSource(SessionMode.class)
    void asksACallItsRulesSendToAskWhateverTheExecutionGateWillSay(SessionMode mode) {
        // The gate is no part of the request: with execution off the call is still asked first.
        fixture.givenNoPriorActivity()
                .when(request(mode, PermissionOutcome.ASK))
                .expectEventsMatching(events(
                        ToolCallRequested.class, ToolCallPermissionEvaluated.class, ToolCallApprovalRequested.class));
    }

    @Test
    void recordsAndHashesTheRedactedInputWhileTheRulesSeeTheInputAsAsked() {
        // given a command with a token in it, and a rule that only the real command matches
        Map<String, Object> asked = Map.of("command", "curl -H 'X-Token: owz_AAAAAAAAAAAAAAAAAAAAAA' https://x");
        Map<String, Object> recorded = Map.of("command", "curl -H 'X-Token: [REDACTED]' https://x");
        RequestToolCall shell = request(SessionMode.AUTO_ACCEPT, null);
        RequestToolCall call = new RequestToolCall(
                id,
                ADA,
                ToolCallOrigin.RUNTIME,
                null,
                shell.sessionId(),
                null,
                null,
                null,
                "Bash",
                asked,
                recorded,
                null,
                null,
                SessionMode.AUTO_ACCEPT,
                List.of(new RuleRef(
                        null, "Bash(curl -H 'X-Token: owz_*)", PermissionOutcome.DENY, "user", null, null, 0)),
                List.of(),
                true,
                shell.approvalExpiresAt());

        // when / then: denied by that rule, and only the redacted input is recorded, hashed and summarized
        fixture.givenNoPriorActivity()
                .when(call)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.<Object>predicate(
                                event -> event instanceof ToolCallRequested requested
                                        && requested.input().equals(recorded)
                                        && requested.inputHash().equals(InputHash.of("Bash", recorded))
                                        && requested.summary().equals("curl -H 'X-Token: [REDACTED]' https://x")),
                        org.axonframework.test.matchers.Matchers.<Object>predicate(
                                event -> event instanceof ToolCallPermissionEvaluated evaluated
                                        && evaluated.outcome() == PermissionOutcome.DENY),
                        instanceOf(ToolCallDenied.class))));
    }

    @Test
    void blocksAnApprovedCallAtTheGateWhenItWouldRunWithExecutionOff() {
        fixture.givenCommands(
                        request(SessionMode.PLAN, PermissionOutcome.ASK),
                        new DecideApproval(id, ADA, ApprovalDecision.APPROVE, null, hash()))
                .when(new StartToolCallRun(id, "/w", 5_000, "node-a", false))
                .expectEventsMatching(events(ToolCallBlocked.class))
                .expectResultMessagePayload(dev.orchwiz.api.toolcall.ToolCallStatus.BLOCKED);
    }

    @Test
    void blocksAnAutoAcceptedCallAtTheGateAndNamesTheSwitch() {
        fixture.givenCommands(request(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW))
                .when(new StartToolCallRun(id, null, 1_000, "node-a", false))
                .expectEvents(new ToolCallBlocked(
                        id,
                        dev.orchwiz.api.toolcall.BlockCause.GATE,
                        "Approved, but local command execution is disabled on this node"
                                + " (set ENABLE_LOCAL_COMMAND_EXECUTION=true), so it did not run",
                        null));
    }

    @Test
    void runsNothingOnceBlockedAtTheGate() {
        fixture.givenCommands(
                        request(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW),
                        new StartToolCallRun(id, null, 1_000, "node-a", false))
                .when(new StartToolCallRun(id, null, 1_000, "node-b", true))
                .expectNoEvents()
                .expectException(ToolCallRefusal.class);
    }

    @ParameterizedTest
    @EnumSource(SessionMode.class)
    void approvesAnAskedCallWhenTheOwnerApproves(SessionMode mode) {
        fixture.givenCommands(request(mode, PermissionOutcome.ASK))
                .when(new DecideApproval(id, ADA, ApprovalDecision.APPROVE, "looks fine", hash()))
                .expectEventsMatching(events(ToolCallApproved.class))
                .expectResultMessagePayload(new ToolCallChanged(id, 3));
    }

    @ParameterizedTest
    @EnumSource(SessionMode.class)
    void deniesAnAskedCallWhenTheOwnerDenies(SessionMode mode) {
        fixture.givenCommands(request(mode, PermissionOutcome.ASK))
                .when(new DecideApproval(id, ADA, ApprovalDecision.DENY, "not now", hash()))
                .expectEventsMatching(events(ToolCallDenied.class));
    }

    @ParameterizedTest
    @EnumSource(SessionMode.class)
    void expiresAnApprovalNobodyDecided(SessionMode mode) {
        fixture.givenCommands(request(mode, PermissionOutcome.ASK))
                .when(new ExpireApproval(id, NOW.plus(Duration.ofMinutes(16))))
                .expectEvents(new ToolCallApprovalExpired(id, NOW.plus(Duration.ofMinutes(15))));
    }

    @Test
    void keepsWaitingWhenTheApprovalHasNotExpiredYet() {
        fixture.givenCommands(request(SessionMode.PLAN, PermissionOutcome.ASK))
                .when(new ExpireApproval(id, NOW.plus(Duration.ofMinutes(14))))
                .expectNoEvents();
    }

    @Test
    void refusesAnApprovalForAnotherInput() {
        fixture.givenCommands(request(SessionMode.PLAN, PermissionOutcome.ASK))
                .when(new DecideApproval(
                        id, ADA, ApprovalDecision.APPROVE, null, InputHash.of("Bash", Map.of("command", "rm -rf /"))))
                .expectNoEvents()
                .expectException(ToolCallRefusal.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("look at the call again"));
    }

    @Test
    void hidesTheCallFromSomeoneElse() {
        fixture.givenCommands(request(SessionMode.PLAN, PermissionOutcome.ASK))
                .when(new DecideApproval(id, GRACE, ApprovalDecision.APPROVE, null, hash()))
                .expectNoEvents()
                .expectException(ToolCallRefusal.class)
                .expectExceptionMessage(org.hamcrest.Matchers.startsWith("No tool call"));
    }

    @Test
    void refusesASecondDecision() {
        fixture.givenCommands(
                        request(SessionMode.PLAN, PermissionOutcome.ASK),
                        new DecideApproval(id, ADA, ApprovalDecision.DENY, null, hash()))
                .when(new DecideApproval(id, ADA, ApprovalDecision.APPROVE, null, hash()))
                .expectNoEvents()
                .expectException(ToolCallRefusal.class)
                .expectExceptionMessage(org.hamcrest.Matchers.endsWith("there is nothing to approve"));
    }

    @ParameterizedTest
    @EnumSource(SessionMode.class)
    void waitsForPreToolUseHooksBeforeDecidingByMode(SessionMode mode) {
        fixture.givenNoPriorActivity()
                .when(request(mode, PermissionOutcome.ALLOW, GUARD))
                .expectEventsMatching(events(
                        ToolCallRequested.class, ToolCallPermissionEvaluated.class, ToolCallAwaitingHooks.class));
    }

    @ParameterizedTest
    @EnumSource(SessionMode.class)
    void blocksWhenAPreToolUseHookBlocks(SessionMode mode) {
        fixture.givenCommands(request(mode, PermissionOutcome.ALLOW, GUARD))
                .when(new RecordHookVerdict(id, GUARD, HookVerdict.BLOCK, "no tests on Fridays"))
                .expectEventsMatching(events(ToolCallHookVerdictRecorded.class, ToolCallBlocked.class));
    }

    @Test
    void goesOnByModeWhenEveryHookAllows() {
        fixture.givenCommands(request(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW, GUARD))
                .when(new RecordHookVerdict(id, GUARD, HookVerdict.ALLOW, null))
                .expectEventsMatching(events(ToolCallHookVerdictRecorded.class, ToolCallApproved.class));
    }

    @ParameterizedTest
    @EnumSource(SessionMode.class)
    void blocksWhenAPreToolUseHookCannotAnswerAndSaysNothingAboutFailure(SessionMode mode) {
        // The verdict names only the hook, as a child command's verdict does: the call keeps the policy it was given.
        HookRef answering = HookRef.named(GUARD.hookId(), GUARD.name());
        fixture.givenCommands(request(mode, PermissionOutcome.ALLOW, GUARD))
                .when(new RecordHookVerdict(id, answering, HookVerdict.ERROR, "webhook failed: connection refused"))
                .expectEvents(
                        new ToolCallHookVerdictRecorded(
                                id, answering, HookVerdict.ERROR, "webhook failed: connection refused"),
                        new ToolCallBlocked(
                                id,
                                BlockCause.HOOK,
                                "Blocked because PreToolUse hook guard could not answer (it blocks on failure):"
                                        + " webhook failed: connection refused",
                                GUARD.hookId()));
    }

    @Test
    void blocksWhenAHookStoredBeforeFailurePoliciesCannotAnswer() {
        fixture.givenCommands(request(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW, LEGACY))
                .when(new RecordHookVerdict(id, LEGACY, HookVerdict.ERROR, "timed out"))
                .expectEventsMatching(events(ToolCallHookVerdictRecorded.class, ToolCallBlocked.class));
    }

    @Test
    void goesOnWhenAHookThatAllowsOnFailureCannotAnswer() {
        fixture.givenCommands(request(SessionMode.PLAN, PermissionOutcome.ALLOW, LENIENT))
                .when(new RecordHookVerdict(id, HookRef.named(LENIENT.hookId(), "lenient"), HookVerdict.ERROR, "503"))
                .expectEventsMatching(events(ToolCallHookVerdictRecorded.class, ToolCallApprovalRequested.class));
    }

    @Test
    void recordsARunFromStartToCompletion() {
        fixture.givenCommands(
                        request(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW),
                        new StartToolCallRun(id, null, 1_000, "node-a", true),
                        new RecordToolCallOutput(id, 0, "stdout", "ok\n"))
                .when(new FinishToolCallRun(id, "completed", 0, 42, null))
                .expectEvents(new ToolCallCompleted(id, 0, 42))
                .expectResultMessagePayload(ToolCallStatus.COMPLETED);
    }

    @Test
    void finishingACallNoLongerRunningChangesNothingAndAnswersNoStatus() {
        fixture.givenCommands(
                        request(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW),
                        new StartToolCallRun(id, null, 1_000, "node-a", true),
                        new FinishToolCallRun(id, "failed", 1, 42, "exited with code 1"))
                .when(new FinishToolCallRun(id, "completed", 0, 43, null))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void recordsOutputOnlyWhileRunning() {
        fixture.givenCommands(
                        request(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW),
                        new StartToolCallRun(id, null, 1_000, "node-a", true))
                .when(new RecordToolCallOutput(id, 0, "stdout", "hello"))
                .expectEvents(new ToolCallOutputRecorded(id, 0, "stdout", "hello"));
    }

    @Test
    void refusesToRunACallThatIsNotApproved() {
        fixture.givenCommands(request(SessionMode.PLAN, PermissionOutcome.ALLOW))
                .when(new StartToolCallRun(id, null, 1_000, "node-a", true))
                .expectNoEvents()
                .expectException(ToolCallRefusal.class);
    }

    @Test
    void asksTheRunnerToStopARunningCall() {
        fixture.givenCommands(
                        request(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW),
                        new StartToolCallRun(id, null, 1_000, "node-a", true))
                .when(new CancelToolCall(id, ADA))
                .expectEvents(new ToolCallCancellationRequested(id, ADA.id()))
                .expectResultMessagePayload(new ToolCallChanged(id, 4));
    }

    @Test
    void cancelsAWaitingCallAtOnce() {
        fixture.givenCommands(request(SessionMode.PLAN, PermissionOutcome.ASK))
                .when(new CancelToolCall(id, ADA))
                .expectEvents(new ToolCallCancelled(id, ADA.id(), null));
    }

    @Test
    void startsARunOnlyAfterItWasApproved() {
        fixture.givenCommands(
                        request(SessionMode.PLAN, PermissionOutcome.ALLOW),
                        new DecideApproval(id, ADA, ApprovalDecision.APPROVE, null, hash()))
                .when(new StartToolCallRun(id, "/w", 5_000, "node-a", true))
                .expectEvents(new ToolCallRunStarted(id, "/w", 5_000, "node-a"))
                .expectResultMessagePayload(dev.orchwiz.api.toolcall.ToolCallStatus.RUNNING);
    }

    private RequestToolCall runtimeCall(SessionMode mode, PermissionOutcome outcome) {
        RequestToolCall shell = request(mode, outcome);
        return new RequestToolCall(
                id,
                ADA,
                ToolCallOrigin.RUNTIME,
                null,
                shell.sessionId(),
                null,
                null,
                null,
                "Read",
                Map.of("file_path", "src/App.java"),
                Map.of("file_path", "src/App.java"),
                null,
                null,
                mode,
                List.of(new RuleRef(null, "Read", outcome, "user", null, null, 0)),
                List.of(),
                false,
                shell.approvalExpiresAt());
    }

    @Test
    void recordsTheResultARuntimeReportsInOneGo() {
        fixture.givenCommands(runtimeCall(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW))
                .when(new ReportToolCallResult(id, ADA, "completed", 0, 12, "line\n", "warn\n", false, 10, null))
                .expectEvents(
                        new ToolCallRunStarted(id, null, 0, null),
                        new ToolCallOutputRecorded(id, 1, "stdout", "line\n"),
                        new ToolCallOutputRecorded(id, 2, "stderr", "warn\n"),
                        new ToolCallCompleted(id, 0, 12));
    }

    @Test
    void recordsAReportedFailureWithItsTruncation() {
        fixture.givenCommands(runtimeCall(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW))
                .when(new ReportToolCallResult(id, ADA, "FAILED", 1, 5, "", null, true, 0, "no such file"))
                .expectEvents(
                        new ToolCallRunStarted(id, null, 0, null),
                        new ToolCallOutputTruncated(id, 0),
                        new ToolCallFailed(id, 1, 5, "no such file"));
    }

    @Test
    void refusesAReportForACallTheNodeRunsItself() {
        fixture.givenCommands(request(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW))
                .when(new ReportToolCallResult(id, ADA, "completed", 0, 1, "forged", null, false, 6, null))
                .expectNoEvents()
                .expectException(ToolCallRefusal.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("runs this call itself"));
    }

    @Test
    void refusesAReportBeforeTheCallWasApproved() {
        // An ask rule: a Read that a rule allows runs at once even in plan mode, so it could not show the refusal.
        fixture.givenCommands(runtimeCall(SessionMode.PLAN, PermissionOutcome.ASK))
                .when(new ReportToolCallResult(id, ADA, "completed", 0, 1, "early", null, false, 5, null))
                .expectNoEvents()
                .expectException(ToolCallRefusal.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("awaiting_approval"));
    }

    @Test
    void refusesASecondReportAndSomeoneElsesReport() {
        fixture.givenCommands(
                        runtimeCall(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW),
                        new ReportToolCallResult(id, ADA, "completed", 0, 1, "", null, false, 0, null))
                .when(new ReportToolCallResult(id, ADA, "failed", 1, 1, "", null, false, 0, null))
                .expectNoEvents()
                .expectException(ToolCallRefusal.class);
        fixture.givenCommands(runtimeCall(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW))
                .when(new ReportToolCallResult(id, GRACE, "completed", 0, 1, "", null, false, 0, null))
                .expectNoEvents()
                .expectException(ToolCallRefusal.class);
    }

    @Test
    void refusesAnUnknownOutcome() {
        fixture.givenCommands(runtimeCall(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW))
                .when(new ReportToolCallResult(id, ADA, "skipped", 0, 1, "", null, false, 0, null))
                .expectNoEvents()
                .expectException(ToolCallRefusal.class);
    }

    @Test
    void tellsTheRunnerWhetherAnApprovedCallIsTheNodesToRun() {
        fixture.givenNoPriorActivity()
                .when(runtimeCall(SessionMode.AUTO_ACCEPT, PermissionOutcome.ALLOW))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(ToolCallRequested.class),
                        instanceOf(ToolCallPermissionEvaluated.class),
                        org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString("runsLocally=false")))));
        fixture.givenCommands(request(SessionMode.PLAN, PermissionOutcome.ALLOW))
                .when(new DecideApproval(id, ADA, ApprovalDecision.APPROVE, null, hash()))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString("runsLocally=true")))));
    }

    // --- modes as Claude Code has them ---

    private static final String WORKSPACE = "/work/ws";

    /** A runtime's call of any tool, with the rule (if any) that the session has for it. */
    private RequestToolCall toolCall(
            SessionMode mode,
            String tool,
            Map<String, Object> input,
            String workingDirectory,
            String rule,
            PermissionOutcome outcome,
            HookRef... hooks) {
        RequestToolCall shell = request(mode, null);
        List<RuleRef> rules =
                rule == null ? List.of() : List.of(new RuleRef(null, rule, outcome, "session", null, null, 0));
        return new RequestToolCall(
                id,
                ADA,
                ToolCallOrigin.RUNTIME,
                null,
                shell.sessionId(),
                null,
                null,
                null,
                tool,
                input,
                input,
                null,
                workingDirectory,
                mode,
                rules,
                List.of(hooks),
                false,
                shell.approvalExpiresAt());
    }

    /** The call's request and evaluation, then the decision the mode made: its type and a phrase its reason holds. */
    private static Matcher<List<org.axonframework.messaging.Message<?>>> decided(Class<?> decision, String reasonPart) {
        return payloadsMatching(exactSequenceOf(
                instanceOf(ToolCallRequested.class),
                instanceOf(ToolCallPermissionEvaluated.class),
                reasoned(decision, reasonPart)));
    }

    /** After the hooks: the last verdict, then the decision the mode made. */
    private static Matcher<List<org.axonframework.messaging.Message<?>>> decidedAfterHooks(
            Class<?> decision, String reasonPart) {
        return payloadsMatching(
                exactSequenceOf(instanceOf(ToolCallHookVerdictRecorded.class), reasoned(decision, reasonPart)));
    }

    private static Matcher<Object> reasoned(Class<?> decision, String reasonPart) {
        Predicate<Object> matches =
                event -> decision.isInstance(event) && reasonOf(event).contains(reasonPart);
        return org.axonframework.test.matchers.Matchers.predicate(matches::test);
    }

    private static String reasonOf(Object decision) {
        if (decision instanceof ToolCallApproved approved) {
            // Only a call the mode let through on its own: a person's approval is no mode rule.
            return approved.automatic() ? approved.reason() : "";
        }
        if (decision instanceof ToolCallApprovalRequested asked) {
            return asked.reason();
        }
        return decision instanceof ToolCallDenied denied ? denied.reason() : "";
    }

    @ParameterizedTest
    @ValueSource(strings = {"Read", "Glob", "Grep", "LS", "NotebookRead", "WebSearch", "WebFetch"})
    void runsAReadOnlyToolThatARuleAllowsInPlanMode(String tool) {
        fixture.givenNoPriorActivity()
                .when(toolCall(
                        SessionMode.PLAN,
                        tool,
                        Map.of("file_path", "src/App.java"),
                        WORKSPACE,
                        tool,
                        PermissionOutcome.ALLOW))
                .expectEventsMatching(decided(
                        ToolCallApproved.class,
                        "Plan mode: read-only tool " + tool + " runs (Allowed by session rule " + tool + ")"));
    }

    @Test
    void asksForAReadOnlyToolNoRuleAllowsInPlanMode() {
        fixture.givenNoPriorActivity()
                .when(toolCall(SessionMode.PLAN, "Read", Map.of("file_path", "src/App.java"), WORKSPACE, null, null))
                .expectEventsMatching(decided(
                        ToolCallApprovalRequested.class,
                        "No rule matched; asking (plan mode runs only read-only tools a rule allows)"));
    }

    @Test
    void asksForAReadOnlyToolAnAskRuleNamesInPlanMode() {
        fixture.givenNoPriorActivity()
                .when(toolCall(
                        SessionMode.PLAN,
                        "Read",
                        Map.of("file_path", "src/App.java"),
                        WORKSPACE,
                        "Read",
                        PermissionOutcome.ASK))
                .expectEventsMatching(decided(ToolCallApprovalRequested.class, "Asked by session rule Read"));
    }

    @Test
    void asksForBashInPlanModeEvenWhenARuleAllowsIt() {
        fixture.givenNoPriorActivity()
                .when(request(SessionMode.PLAN, PermissionOutcome.ALLOW))
                .expectEventsMatching(decided(
                        ToolCallApprovalRequested.class,
                        "Plan mode: Bash may change state, so it waits for an approval although Allowed by user rule"));
    }

    @Test
    void asksForAFileEditInsideTheWorkspaceInPlanModeEvenWhenARuleAllowsIt() {
        fixture.givenNoPriorActivity()
                .when(toolCall(
                        SessionMode.PLAN,
                        "Edit",
                        Map.of("file_path", "src/App.java"),
                        WORKSPACE,
                        "Edit",
                        PermissionOutcome.ALLOW))
                .expectEventsMatching(decided(ToolCallApprovalRequested.class, "Plan mode: Edit may change state"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Edit", "Write", "MultiEdit"})
    void runsAFileEditInsideTheWorkspaceThatNoRuleMatchedInAutoAccept(String tool) {
        fixture.givenNoPriorActivity()
                .when(toolCall(
                        SessionMode.AUTO_ACCEPT, tool, Map.of("file_path", "src/App.java"), WORKSPACE, null, null))
                .expectEventsMatching(decided(
                        ToolCallApproved.class, "Auto-accept: file edit inside the workspace; no rule matched"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/work/ws/src/App.java", "/work/ws//src/./App.java", "./src/App.java", "App.java"})
    void runsAnEditWhosePathIsInsideTheWorkspaceInAutoAccept(String path) {
        fixture.givenNoPriorActivity()
                .when(toolCall(SessionMode.AUTO_ACCEPT, "Write", Map.of("file_path", path), WORKSPACE, null, null))
                .expectEventsMatching(decided(ToolCallApproved.class, "Auto-accept: file edit inside the workspace"));
    }

    @Test
    void runsANotebookEditByItsNotebookPathInAutoAccept() {
        fixture.givenNoPriorActivity()
                .when(toolCall(
                        SessionMode.AUTO_ACCEPT,
                        "NotebookEdit",
                        Map.of("notebook_path", "/work/ws/analysis.ipynb", "new_source", "x = 1"),
                        WORKSPACE,
                        null,
                        null))
                .expectEventsMatching(decided(ToolCallApproved.class, "Auto-accept: file edit inside the workspace"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/etc/passwd",
                "/work/ws-other/App.java",
                "/work/ws",
                "../outside/App.java",
                "src/../../outside/App.java",
                "/work/ws/link/../App.java",
                "~/.bashrc",
                "C:\\work\\ws\\App.java",
                "src/[REDACTED]/App.java",
                ".",
                "   "
            })
    void leavesAnEditWhosePathIsNotPlainlyInsideTheWorkspaceToTheRulesInAutoAccept(String path) {
        fixture.givenNoPriorActivity()
                .when(toolCall(SessionMode.AUTO_ACCEPT, "Edit", Map.of("file_path", path), WORKSPACE, null, null))
                .expectEventsMatching(decided(
                        ToolCallApprovalRequested.class,
                        "No rule matched; asking (auto-accept: the edit's path is not inside the workspace"));
    }

    @Test
    void asksForAnEditWithoutAPathOrWithTheWrongKeyInAutoAccept() {
        fixture.givenNoPriorActivity()
                .when(toolCall(SessionMode.AUTO_ACCEPT, "Edit", Map.of("old_string", "a"), WORKSPACE, null, null))
                .expectEventsMatching(decided(ToolCallApprovalRequested.class, "not inside the workspace"));
        // A notebook is named by notebook_path: a file_path beside it is not the file the tool writes.
        fixture.givenNoPriorActivity()
                .when(toolCall(
                        SessionMode.AUTO_ACCEPT, "NotebookEdit", Map.of("file_path", "a.ipynb"), WORKSPACE, null, null))
                .expectEventsMatching(decided(ToolCallApprovalRequested.class, "not inside the workspace"));
    }

    @Test
    void asksForAnAbsoluteEditWhenTheCallHasNoWorkingDirectoryOrItIsTheRoot() {
        fixture.givenNoPriorActivity()
                .when(toolCall(
                        SessionMode.AUTO_ACCEPT, "Edit", Map.of("file_path", "/work/ws/App.java"), null, null, null))
                .expectEventsMatching(decided(ToolCallApprovalRequested.class, "not inside the workspace"));
        fixture.givenNoPriorActivity()
                .when(toolCall(SessionMode.AUTO_ACCEPT, "Edit", Map.of("file_path", "/etc/passwd"), "/", null, null))
                .expectEventsMatching(decided(ToolCallApprovalRequested.class, "not inside the workspace"));
    }

    @Test
    void runsAnEditOutsideTheWorkspaceOnlyWhenARuleAllowsItInAutoAccept() {
        fixture.givenNoPriorActivity()
                .when(toolCall(
                        SessionMode.AUTO_ACCEPT,
                        "Edit",
                        Map.of("file_path", "/tmp/notes.md"),
                        WORKSPACE,
                        "Edit(//tmp/**)",
                        PermissionOutcome.ALLOW))
                .expectEventsMatching(
                        decided(ToolCallApproved.class, "Allowed by session rule Edit(//tmp/**) (auto-accept)"));
    }

    @Test
    void asksForAnEditInsideTheWorkspaceThatAnAskRuleNamesInAutoAccept() {
        fixture.givenNoPriorActivity()
                .when(toolCall(
                        SessionMode.AUTO_ACCEPT,
                        "Edit",
                        Map.of("file_path", "src/App.java"),
                        WORKSPACE,
                        "Edit",
                        PermissionOutcome.ASK))
                .expectEventsMatching(decided(ToolCallApprovalRequested.class, "Asked by session rule Edit"));
    }

    @Test
    void deniesAnEditInsideTheWorkspaceThatADenyRuleNamesInAutoAccept() {
        fixture.givenNoPriorActivity()
                .when(toolCall(
                        SessionMode.AUTO_ACCEPT,
                        "Write",
                        Map.of("file_path", "src/App.java"),
                        WORKSPACE,
                        "Edit",
                        PermissionOutcome.DENY))
                .expectEventsMatching(decided(ToolCallDenied.class, "Denied by session rule Edit"));
    }

    @Test
    void leavesEveryToolButFileEditsToTheRulesInAutoAccept() {
        fixture.givenNoPriorActivity()
                .when(toolCall(
                        SessionMode.AUTO_ACCEPT, "Read", Map.of("file_path", "src/App.java"), WORKSPACE, null, null))
                .expectEventsMatching(decided(ToolCallApprovalRequested.class, "No rule matched; asking"));
        fixture.givenNoPriorActivity()
                .when(request(SessionMode.AUTO_ACCEPT, null))
                .expectEventsMatching(decided(ToolCallApprovalRequested.class, "No rule matched; asking"));
    }

    @Test
    void runsAFileEditInsideTheWorkspaceOnceTheHooksAllowInAutoAccept() {
        fixture.givenCommands(toolCall(
                        SessionMode.AUTO_ACCEPT,
                        "Edit",
                        Map.of("file_path", "src/App.java"),
                        WORKSPACE,
                        null,
                        null,
                        GUARD))
                .when(new RecordHookVerdict(id, GUARD, HookVerdict.ALLOW, null))
                .expectEventsMatching(decidedAfterHooks(
                        ToolCallApproved.class, "Auto-accept: file edit inside the workspace; no rule matched"));
    }

    @Test
    void asksForAnEditOutsideTheWorkspaceOnceTheHooksAllowInAutoAccept() {
        fixture.givenCommands(toolCall(
                        SessionMode.AUTO_ACCEPT,
                        "Edit",
                        Map.of("file_path", "../App.java"),
                        WORKSPACE,
                        null,
                        null,
                        GUARD))
                .when(new RecordHookVerdict(id, GUARD, HookVerdict.ALLOW, null))
                .expectEventsMatching(decidedAfterHooks(ToolCallApprovalRequested.class, "not inside the workspace"));
    }

    @Test
    void asksForAnEditAnAskRuleNamesOnceTheHooksAllowInAutoAccept() {
        fixture.givenCommands(toolCall(
                        SessionMode.AUTO_ACCEPT,
                        "Edit",
                        Map.of("file_path", "src/App.java"),
                        WORKSPACE,
                        "Edit",
                        PermissionOutcome.ASK,
                        GUARD))
                .when(new RecordHookVerdict(id, GUARD, HookVerdict.ALLOW, null))
                .expectEventsMatching(decidedAfterHooks(ToolCallApprovalRequested.class, "Asked by session rule Edit"));
    }

    @Test
    void runsAnAllowedReadOnlyToolOnceTheHooksAllowInPlanMode() {
        fixture.givenCommands(toolCall(
                        SessionMode.PLAN,
                        "Grep",
                        Map.of("pattern", "TODO"),
                        WORKSPACE,
                        "Grep",
                        PermissionOutcome.ALLOW,
                        GUARD))
                .when(new RecordHookVerdict(id, GUARD, HookVerdict.ALLOW, null))
                .expectEventsMatching(decidedAfterHooks(ToolCallApproved.class, "Plan mode: read-only tool Grep runs"));
    }

    @Test
    void asksForAnAllowedBashOnceTheHooksAllowInPlanMode() {
        fixture.givenCommands(request(SessionMode.PLAN, PermissionOutcome.ALLOW, GUARD))
                .when(new RecordHookVerdict(id, GUARD, HookVerdict.ALLOW, null))
                .expectEventsMatching(
                        decidedAfterHooks(ToolCallApprovalRequested.class, "Plan mode: Bash may change state"));
    }
}
