package dev.orchwiz.command.toolcall;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import dev.orchwiz.api.toolcall.ToolCallError;
import dev.orchwiz.api.toolcall.ToolCallStatus;
import dev.orchwiz.api.toolcall.command.CancelToolCall;
import dev.orchwiz.api.toolcall.command.DecideApproval;
import dev.orchwiz.api.toolcall.command.ExpireApproval;
import dev.orchwiz.api.toolcall.command.FinishToolCallRun;
import dev.orchwiz.api.toolcall.command.MarkToolCallOutputTruncated;
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
import dev.orchwiz.api.toolcall.event.ToolCallTimedOut;
import dev.orchwiz.command.ownership.Owned;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One tool call, from request to final state. It decides in one documented order: the permission rules (deny is
 * final), the PreToolUse hooks (any may block; one that cannot answer blocks unless it is configured
 * {@code onFailure: allow}), then the session mode as Claude Code has it (plan runs only a read-only tool a rule allows
 * and asks the rest; auto-accept also runs a file edit inside the workspace that no rule matched; an ask rule asks in
 * both) and a person's approval, bound to the exact input and expiring; last, when an approved call would run on this node,
 * the node's execution gate (closed, the call ends blocked). Its events are the call's whole decision trail.
 */
@Aggregate(cache = "toolCallCache")
class ToolCall {

    static final int TOOL_NAME_LIMIT = 200;
    static final int SUMMARY_LIMIT = 200;
    static final int COMMENT_LIMIT = 2_000;
    static final int CHUNK_LIMIT = 64 * 1024;

    @AggregateIdentifier
    private ToolCallId toolCallId;

    private UserId ownerId;
    private ToolCallStatus status;
    private PermissionOutcome outcome;
    private String outcomeReason;
    /** The rule that decided, or null when none matched: an explicit ask rule asks whatever the mode. */
    private RuleRef decidedBy;

    private SessionMode sessionMode;
    /** The tool, its recorded input and working directory: what the mode looks at once the hooks have answered. */
    private String tool;

    private Map<String, Object> recordedInput;
    private String workingDirectory;
    private String inputHash;
    private boolean runsLocally;
    private Instant approvalExpiresAt;
    /** The PreToolUse hooks still to answer, each with what its failure to answer does to the call. */
    private final Map<String, HookFailurePolicy> pendingHooks = new LinkedHashMap<>();

    private boolean cancellationRequested;

    ToolCall() {
        // for Axon: rebuilt from events
    }

    /**
     * Creates the call and decides it at once. A creating method rather than a constructor, so that it can answer the
     * version its events reached, which a read of the call names as {@code minVersion}.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    ToolCallChanged handle(RequestToolCall command, PermissionCheck permissions) {
        assertValidRequest(command);
        UserId owner = command.actor().id();
        // Only the redacted input is recorded and hashed; the rules below still see the input as asked.
        Map<String, Object> recorded = command.recordedInput() == null ? Map.of() : command.recordedInput();
        String hash = InputHash.of(command.tool(), recorded);
        applyOwned(
                owner,
                new ToolCallRequested(
                        command.toolCallId(),
                        owner,
                        command.origin(),
                        command.parentToolCallId(),
                        command.sessionId(),
                        command.subagentId(),
                        command.commandId(),
                        command.commandName(),
                        command.tool(),
                        recorded,
                        hash,
                        summary(command.tool(), recorded),
                        command.stdin(),
                        command.workingDirectory(),
                        command.runsLocally(),
                        owner));
        // The rest of the decision works from the command's values, which are what the events just recorded.
        ToolCallId id = command.toolCallId();
        PermissionCheck.Verdict decision = permissions.decide(
                command.tool(),
                command.input() == null ? Map.of() : command.input(),
                command.workingDirectory(),
                command.candidates());
        SessionMode mode = command.sessionMode() == null ? SessionMode.PLAN : command.sessionMode();
        applyOwned(
                owner,
                new ToolCallPermissionEvaluated(
                        id, decision.outcome(), decision.reason(), decision.decidedBy(), decision.shadowed(), mode));
        if (decision.outcome() == PermissionOutcome.DENY) {
            applyOwned(owner, new ToolCallDenied(id, decision.reason(), null, null));
            return changed(id);
        }
        List<HookRef> hooks = command.preToolUseHooks() == null ? List.of() : command.preToolUseHooks();
        if (!hooks.isEmpty()) {
            applyOwned(owner, new ToolCallAwaitingHooks(id, List.copyOf(hooks), command.approvalExpiresAt()));
            return changed(id);
        }
        // The mode judges the recorded input, as the second call site (after the hooks) can only do the same.
        ModeFacts facts = new ModeFacts(
                decision.outcome(),
                decision.reason(),
                decision.decidedBy(),
                mode,
                command.tool(),
                recorded,
                command.workingDirectory());
        applyOwned(owner, decisionByMode(id, facts, hash, command.approvalExpiresAt(), command.runsLocally()));
        return changed(id);
    }

    @CommandHandler
    void handle(RecordHookVerdict command) {
        if (status != ToolCallStatus.AWAITING_HOOKS
                || command.hook() == null
                || !pendingHooks.containsKey(command.hook().hookId())) {
            // A late or repeated verdict (a retry after a crash) changes nothing.
            return;
        }
        HookVerdict verdict = command.verdict() == null ? HookVerdict.ERROR : command.verdict();
        HookFailurePolicy onFailure =
                HookFailurePolicy.orDefault(pendingHooks.get(command.hook().hookId()));
        applyOwned(new ToolCallHookVerdictRecorded(toolCallId, command.hook(), verdict, abbreviate(command.reason())));
        if (verdict == HookVerdict.BLOCK) {
            blockByHook(
                    command.hook(),
                    "Blocked by PreToolUse hook " + command.hook().name(),
                    command.reason());
            return;
        }
        if (verdict == HookVerdict.ERROR && onFailure == HookFailurePolicy.BLOCK) {
            // A guard that cannot answer must not wave the call through: fail closed unless its owner chose otherwise.
            blockByHook(
                    command.hook(),
                    "Blocked because PreToolUse hook " + command.hook().name()
                            + " could not answer (it blocks on failure)",
                    command.reason());
            return;
        }
        if (pendingHooks.isEmpty()) {
            ModeFacts facts = new ModeFacts(
                    outcome, outcomeReason, decidedBy, sessionMode, tool, recordedInput, workingDirectory);
            applyOwned(decisionByMode(toolCallId, facts, inputHash, approvalExpiresAt, runsLocally));
        }
    }

    private void blockByHook(HookRef hook, String because, String hookReason) {
        String reason = because + (hookReason == null || hookReason.isBlank() ? "" : ": " + hookReason);
        applyOwned(new ToolCallBlocked(toolCallId, BlockCause.HOOK, abbreviate(reason), hook.hookId()));
    }

    @CommandHandler
    ToolCallChanged handle(DecideApproval command) {
        assertOwnedBy(command.actor());
        if (status != ToolCallStatus.AWAITING_APPROVAL) {
            throw new ToolCallRefusal(
                    ToolCallError.NOT_AWAITING_APPROVAL,
                    "This call is " + status.wireName() + "; there is nothing to approve");
        }
        if (command.inputHash() == null || !command.inputHash().equals(inputHash)) {
            throw new ToolCallRefusal(
                    ToolCallError.INPUT_CHANGED,
                    "The approval names input " + command.inputHash() + " but the call's input is " + inputHash
                            + "; look at the call again before deciding");
        }
        if (command.comment() != null && command.comment().length() > COMMENT_LIMIT) {
            throw new ToolCallRefusal(
                    ToolCallError.INVALID_INPUT, "comment must be at most " + COMMENT_LIMIT + " characters");
        }
        if (approvalExpiresAt != null && !GenericEventMessage.clock.instant().isBefore(approvalExpiresAt)) {
            applyOwned(new ToolCallApprovalExpired(toolCallId, approvalExpiresAt));
            return changed(toolCallId);
        }
        // the reason is read by people: who decided is in the event's own field, shown by address on the read side
        UserId by = command.actor().id();
        if (command.decision() == ApprovalDecision.APPROVE) {
            applyOwned(new ToolCallApproved(
                    toolCallId, false, by, command.comment(), "Approved by a person", runsLocally));
        } else {
            applyOwned(new ToolCallDenied(toolCallId, "Denied by a person", by, command.comment()));
        }
        return changed(toolCallId);
    }

    @CommandHandler
    void handle(ExpireApproval command) {
        if (status == ToolCallStatus.AWAITING_APPROVAL
                && approvalExpiresAt != null
                && !command.now().isBefore(approvalExpiresAt)) {
            applyOwned(new ToolCallApprovalExpired(toolCallId, approvalExpiresAt));
        }
    }

    /** Answers the status the call is in afterwards: {@code running}, or {@code blocked} when the gate is closed. */
    @CommandHandler
    ToolCallStatus handle(StartToolCallRun command) {
        if (status != ToolCallStatus.APPROVED || !runsLocally) {
            throw new ToolCallRefusal(ToolCallError.NOT_RUNNABLE, "This call is " + status.wireName());
        }
        if (!command.localExecutionEnabled()) {
            applyOwned(new ToolCallBlocked(
                    toolCallId,
                    BlockCause.GATE,
                    "Approved, but local command execution is disabled on this node"
                            + " (set ENABLE_LOCAL_COMMAND_EXECUTION=true), so it did not run",
                    null));
            return status;
        }
        applyOwned(
                new ToolCallRunStarted(toolCallId, command.workingDirectory(), command.timeoutMs(), command.runner()));
        return status;
    }

    @CommandHandler
    void handle(RecordToolCallOutput command) {
        if (status != ToolCallStatus.RUNNING) {
            return;
        }
        String text = command.text() == null ? "" : command.text();
        if (text.length() > CHUNK_LIMIT) {
            text = text.substring(0, CHUNK_LIMIT);
        }
        applyOwned(new ToolCallOutputRecorded(toolCallId, command.sequence(), command.stream(), text));
    }

    @CommandHandler
    void handle(MarkToolCallOutputTruncated command) {
        if (status == ToolCallStatus.RUNNING) {
            applyOwned(new ToolCallOutputTruncated(toolCallId, command.keptBytes()));
        }
    }

    /**
     * Ends a running call; answers the status it ended with, or null when it was no longer running (cancelled or
     * reaped first), so the runner knows whether its own outcome is the call's.
     */
    @CommandHandler
    ToolCallStatus handle(FinishToolCallRun command) {
        if (status != ToolCallStatus.RUNNING) {
            return null;
        }
        String result = command.outcome() == null ? "failed" : command.outcome().toLowerCase(Locale.ROOT);
        switch (result) {
            case "completed" ->
                applyOwned(new ToolCallCompleted(
                        toolCallId, command.exitCode() == null ? 0 : command.exitCode(), command.durationMs()));
            case "timed_out" -> applyOwned(new ToolCallTimedOut(toolCallId, command.durationMs()));
            case "cancelled" -> applyOwned(new ToolCallCancelled(toolCallId, null, command.durationMs()));
            default ->
                applyOwned(new ToolCallFailed(
                        toolCallId, command.exitCode(), command.durationMs(), abbreviate(command.error())));
        }
        return status;
    }

    @CommandHandler
    ToolCallChanged handle(ReportToolCallResult command) {
        assertOwnedBy(command.actor());
        if (runsLocally) {
            throw new ToolCallRefusal(
                    ToolCallError.NOT_REPORTABLE, "The node runs this call itself and records its result");
        }
        if (status.isFinal()) {
            throw new ToolCallRefusal(ToolCallError.ALREADY_FINISHED, "This call is already " + status.wireName());
        }
        if (status != ToolCallStatus.APPROVED) {
            throw new ToolCallRefusal(
                    ToolCallError.NOT_REPORTABLE,
                    "This call is " + status.wireName() + ": only an approved call has a result to report");
        }
        String outcome = command.outcome() == null ? "" : command.outcome().toLowerCase(Locale.ROOT);
        if (!outcome.equals("completed") && !outcome.equals("failed")) {
            throw new ToolCallRefusal(ToolCallError.INVALID_INPUT, "outcome must be completed or failed");
        }
        if (command.durationMs() < 0) {
            throw new ToolCallRefusal(ToolCallError.INVALID_INPUT, "durationMs must not be negative");
        }
        // One command, one transaction: the trail never shows a started call whose result is half recorded.
        applyOwned(new ToolCallRunStarted(toolCallId, null, 0, null));
        int sequence = 0;
        sequence = recordReported(sequence, "stdout", command.stdout());
        recordReported(sequence, "stderr", command.stderr());
        if (command.truncated()) {
            applyOwned(new ToolCallOutputTruncated(toolCallId, command.keptBytes()));
        }
        if (outcome.equals("completed")) {
            applyOwned(new ToolCallCompleted(
                    toolCallId, command.exitCode() == null ? 0 : command.exitCode(), command.durationMs()));
        } else {
            applyOwned(new ToolCallFailed(
                    toolCallId, command.exitCode(), command.durationMs(), abbreviate(command.error())));
        }
        return changed(toolCallId);
    }

    private int recordReported(int sequence, String stream, String text) {
        if (text == null || text.isEmpty()) {
            return sequence;
        }
        int next = sequence;
        for (int start = 0; start < text.length(); start += CHUNK_LIMIT) {
            String chunk = text.substring(start, Math.min(text.length(), start + CHUNK_LIMIT));
            applyOwned(new ToolCallOutputRecorded(toolCallId, ++next, stream, chunk));
        }
        return next;
    }

    @CommandHandler
    ToolCallChanged handle(CancelToolCall command) {
        assertOwnedBy(command.actor());
        if (status.isFinal()) {
            throw new ToolCallRefusal(ToolCallError.ALREADY_FINISHED, "This call is already " + status.wireName());
        }
        UserId by = command.actor().id();
        if (status == ToolCallStatus.RUNNING) {
            if (!cancellationRequested) {
                applyOwned(new ToolCallCancellationRequested(toolCallId, by));
            }
        } else {
            applyOwned(new ToolCallCancelled(toolCallId, by, null));
        }
        return changed(toolCallId);
    }

    // --- decisions ---

    /** What the mode decides from: the rules' verdict, and the call as its events recorded it. */
    private record ModeFacts(
            PermissionOutcome outcome,
            String reason,
            RuleRef decidedBy,
            SessionMode mode,
            String tool,
            Map<String, Object> input,
            String workingDirectory) {

        boolean ruleMatched() {
            return decidedBy != null;
        }
    }

    /**
     * Claude Code's permission modes on top of a verdict that is not deny. An explicit ask rule asks in every mode. Plan
     * asks before anything that may change state: only a read-only tool that a rule allows runs. Auto-accept runs what
     * the rules allow and, like Claude Code's acceptEdits, a file edit inside the workspace that no rule matched;
     * everything else is left to the rules, which ask when none matched. Each reason names the mode rule that decided.
     */
    private static Object decisionByMode(
            ToolCallId id, ModeFacts facts, String hash, Instant expiresAt, boolean runsLocally) {
        if (facts.outcome() == PermissionOutcome.DENY) {
            // Deny is decided before the hooks and never reaches here; should it, no mode may turn it into a run.
            return new ToolCallDenied(id, facts.reason(), null, null);
        }
        if (facts.outcome() == PermissionOutcome.ASK && facts.ruleMatched()) {
            // Its owner wants to see this call, whatever the session accepts on its own.
            return new ToolCallApprovalRequested(id, hash, expiresAt, facts.reason());
        }
        boolean allowed = facts.outcome() == PermissionOutcome.ALLOW;
        if (facts.mode() != SessionMode.AUTO_ACCEPT) {
            // Plan, and a mode missing from an old event: the stricter one.
            if (allowed && ClaudeCodeTools.isReadOnly(facts.tool())) {
                return new ToolCallApproved(
                        id,
                        true,
                        null,
                        null,
                        "Plan mode: read-only tool " + facts.tool() + " runs (" + facts.reason() + ")",
                        runsLocally);
            }
            String why = allowed
                    ? "Plan mode: " + facts.tool() + " may change state, so it waits for an approval although "
                            + facts.reason()
                    : facts.reason() + " (plan mode runs only read-only tools a rule allows)";
            return new ToolCallApprovalRequested(id, hash, expiresAt, why);
        }
        boolean fileEdit = ClaudeCodeTools.isFileEdit(facts.tool());
        boolean insideWorkspace = fileEdit
                && ClaudeCodeTools.editedPath(facts.tool(), facts.input())
                        .map(new Workspace(facts.workingDirectory())::contains)
                        .orElse(false);
        if (insideWorkspace) {
            String rule = allowed ? " (" + facts.reason() + ")" : "; no rule matched";
            return new ToolCallApproved(
                    id, true, null, null, "Auto-accept: file edit inside the workspace" + rule, runsLocally);
        }
        if (allowed) {
            return new ToolCallApproved(id, true, null, null, facts.reason() + " (auto-accept)", runsLocally);
        }
        String why = fileEdit
                ? facts.reason() + " (auto-accept: the edit's path is not inside the workspace, so the rules decide)"
                : facts.reason();
        return new ToolCallApprovalRequested(id, hash, expiresAt, why);
    }

    // --- guards ---

    private static void assertValidRequest(RequestToolCall command) {
        if (command.tool() == null || command.tool().isBlank() || command.tool().length() > TOOL_NAME_LIMIT) {
            throw new ToolCallRefusal(ToolCallError.INVALID_INPUT, "tool must be 1-" + TOOL_NAME_LIMIT + " characters");
        }
        if (command.origin() == null) {
            throw new ToolCallRefusal(ToolCallError.INVALID_INPUT, "origin is required");
        }
    }

    private void assertOwnedBy(Actor actor) {
        if (!actor.mayAccess(ownerId)) {
            // Someone else's call answers like a missing one, so ids cannot be probed.
            throw new ToolCallRefusal(ToolCallError.NOT_FOUND, "No tool call " + toolCallId);
        }
    }

    static String summary(String tool, Map<String, Object> input) {
        Object command = input == null ? null : input.get("command");
        String text = command instanceof String script ? script.strip() : tool + " " + (input == null ? "{}" : input);
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline) + " …";
        }
        return text.length() > SUMMARY_LIMIT ? text.substring(0, SUMMARY_LIMIT - 1) + "…" : text;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > COMMENT_LIMIT ? text.substring(0, COMMENT_LIMIT - 1) + "…" : text;
    }

    /** The call's version after this command: the sequence number of the last event it has. */
    private static ToolCallChanged changed(ToolCallId id) {
        return new ToolCallChanged(id, AggregateLifecycle.getVersion());
    }

    private void applyOwned(Object event) {
        applyOwned(ownerId, event);
    }

    private static void applyOwned(UserId owner, Object event) {
        apply(event, Owned.by(owner));
    }

    // --- state ---

    @EventSourcingHandler
    void on(ToolCallRequested event) {
        toolCallId = event.toolCallId();
        ownerId = event.ownerId();
        inputHash = event.inputHash();
        runsLocally = event.runsLocally();
        tool = event.tool();
        recordedInput = event.input();
        workingDirectory = event.workingDirectory();
        status = ToolCallStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(ToolCallPermissionEvaluated event) {
        outcome = event.outcome();
        outcomeReason = event.reason();
        decidedBy = event.decidedBy();
        sessionMode = event.sessionMode();
    }

    @EventSourcingHandler
    void on(ToolCallAwaitingHooks event) {
        status = ToolCallStatus.AWAITING_HOOKS;
        approvalExpiresAt = event.approvalExpiresAt();
        event.hooks().forEach(hook -> pendingHooks.put(hook.hookId(), HookFailurePolicy.orDefault(hook.onFailure())));
    }

    @EventSourcingHandler
    void on(ToolCallHookVerdictRecorded event) {
        pendingHooks.remove(event.hook().hookId());
    }

    @EventSourcingHandler
    void on(ToolCallApprovalRequested event) {
        status = ToolCallStatus.AWAITING_APPROVAL;
        approvalExpiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(ToolCallApproved event) {
        status = ToolCallStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ToolCallDenied event) {
        status = ToolCallStatus.DENIED;
    }

    @EventSourcingHandler
    void on(ToolCallApprovalExpired event) {
        status = ToolCallStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(ToolCallBlocked event) {
        status = ToolCallStatus.BLOCKED;
    }

    @EventSourcingHandler
    void on(ToolCallRunStarted event) {
        status = ToolCallStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(ToolCallCancellationRequested event) {
        cancellationRequested = true;
    }

    @EventSourcingHandler
    void on(ToolCallCompleted event) {
        status = ToolCallStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(ToolCallFailed event) {
        status = ToolCallStatus.FAILED;
    }

    @EventSourcingHandler
    void on(ToolCallTimedOut event) {
        status = ToolCallStatus.TIMED_OUT;
    }

    @EventSourcingHandler
    void on(ToolCallCancelled event) {
        status = ToolCallStatus.CANCELLED;
    }
}
