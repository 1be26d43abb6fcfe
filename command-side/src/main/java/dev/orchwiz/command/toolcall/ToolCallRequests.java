package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.SessionError;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.command.AdmitToolCall;
import dev.orchwiz.api.toolcall.HookRef;
import dev.orchwiz.api.toolcall.RuleRef;
import dev.orchwiz.api.toolcall.ToolCallError;
import dev.orchwiz.api.toolcall.ToolCallOrigin;
import dev.orchwiz.api.toolcall.command.RequestToolCall;
import dev.orchwiz.api.toolcall.command.ToolCallChanged;
import dev.orchwiz.command.redaction.OutputRedaction;
import dev.orchwiz.command.web.CommandSender;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Gathers what a tool call's decision needs (the session's mode, the rules that may apply, the subagent's policies,
 * the PreToolUse hooks, the execution gate) and asks for the call. The aggregate then decides with all of it.
 */
@Component
public class ToolCallRequests {

    /** The tool whose calls run in the local sandbox; other tools are decided here and run by their runtime. */
    public static final String LOCAL_TOOL = "Bash";

    static final int INPUT_LIMIT_BYTES = 256 * 1024;

    private final CommandSender commands;
    private final LocalRuns localRuns;
    private final List<CandidateRules> ruleSources;
    private final SubagentReferences subagents;
    private final PreToolUseHooks preToolUseHooks;
    private final UnredactedInputs unredacted;
    private final OutputRedaction redaction;
    private final Clock clock;

    ToolCallRequests(
            CommandSender commands,
            LocalRuns localRuns,
            List<CandidateRules> ruleSources,
            SubagentReferences subagents,
            PreToolUseHooks preToolUseHooks,
            UnredactedInputs unredacted,
            OutputRedaction redaction) {
        this.redaction = redaction;
        this.commands = commands;
        this.localRuns = localRuns;
        this.ruleSources = List.copyOf(ruleSources);
        this.subagents = subagents;
        this.preToolUseHooks = preToolUseHooks;
        this.unredacted = unredacted;
        this.clock = Clock.systemUTC();
    }

    /**
     * What a caller asks to run; {@code stdin} is for command hooks, which read their payload like Claude Code's.
     * {@code runByItsRuntime} says a runtime runs the call on its own host whatever the tool (a gateway's exec is a
     * {@code Bash} call the node must never run): the node decides it, and the runtime reports its result.
     */
    public record Call(
            ToolCallOrigin origin,
            ToolCallId parentToolCallId,
            SessionId sessionId,
            SubagentId subagentId,
            SlashCommandId commandId,
            String commandName,
            String tool,
            Map<String, Object> input,
            String stdin,
            String workingDirectory,
            boolean runByItsRuntime) {

        /** A call a run asks for: no parent call, no slash command, no stdin, no working directory of its own. */
        public static Call forRun(
                SessionId sessionId,
                SubagentId subagentId,
                String tool,
                Map<String, Object> input,
                boolean runByItsRuntime) {
            return new Call(
                    ToolCallOrigin.RUNTIME,
                    null,
                    sessionId,
                    subagentId,
                    null,
                    null,
                    tool,
                    input,
                    null,
                    null,
                    runByItsRuntime);
        }
    }

    /** Asks for the call; answers its id and the version the decision reached, for a read to wait for. */
    public ToolCallChanged request(Actor actor, Call call) {
        return request(actor, call, ToolCallId.random());
    }

    /**
     * Asks for the call under an id the caller chose, for a caller that must record the id before the call exists (a
     * run links the call to itself first, since an allowed call can finish before this method answers).
     */
    public ToolCallChanged request(Actor actor, Call call, ToolCallId id) {
        SessionMode mode = sessionMode(actor, call.sessionId());
        List<RuleRef> candidates = candidates(actor, call.sessionId(), call.subagentId());
        boolean runsLocally = LOCAL_TOOL.equals(call.tool()) && !call.runByItsRuntime();
        if (runsLocally) {
            // Refuse a bad working directory now, with a 400, rather than record a call that cannot run.
            localRuns.assertUsableWorkingDirectory(call.workingDirectory(), call.sessionId(), actor.id());
        }
        Map<String, Object> input = call.input() == null ? Map.of() : call.input();
        Map<String, Object> recordedInput = redaction.redactValues(input);
        String recordedStdin = redaction.redact(call.stdin());
        // A local call runs what was asked, not what the event shows: keep the real input, out of the event store.
        boolean keepsInput =
                runsLocally && (!recordedInput.equals(input) || !Objects.equals(recordedStdin, call.stdin()));
        if (keepsInput) {
            unredacted.keep(id, input, call.stdin());
        }
        try {
            return send(actor, call, id, mode, candidates, runsLocally, input, recordedInput, recordedStdin);
        } catch (RuntimeException refused) {
            if (keepsInput) {
                unredacted.forget(id);
            }
            throw refused;
        }
    }

    private ToolCallChanged send(
            Actor actor,
            Call call,
            ToolCallId id,
            SessionMode mode,
            List<RuleRef> candidates,
            boolean runsLocally,
            Map<String, Object> input,
            Map<String, Object> recordedInput,
            String recordedStdin) {
        return commands.send(
                new RequestToolCall(
                        id,
                        actor,
                        call.origin(),
                        call.parentToolCallId(),
                        call.sessionId(),
                        call.subagentId(),
                        call.commandId(),
                        call.commandName(),
                        call.tool(),
                        input,
                        recordedInput,
                        recordedStdin,
                        call.workingDirectory(),
                        mode,
                        candidates,
                        call.origin() == ToolCallOrigin.HOOK ? List.of() : preToolUseHooks(actor, call),
                        runsLocally,
                        clock.instant().plus(localRuns.approvalTtl())),
                () -> new ToolCallRefusal(ToolCallError.NOT_FOUND, "No tool call " + id));
    }

    /** Every rule that may decide a call of this user in this session with this subagent. */
    public List<RuleRef> candidates(Actor actor, SessionId sessionId, SubagentId subagentId) {
        List<RuleRef> candidates = new ArrayList<>();
        for (CandidateRules source : ruleSources) {
            candidates.addAll(source.candidates(actor, sessionId, subagentId));
        }
        return candidates;
    }

    /**
     * Checks ids a request body names against the caller exactly like ids in paths: a session they may not run calls
     * in and a subagent they cannot see answer 404 with that context's own code ({@code SESSION_NOT_FOUND},
     * {@code SUBAGENT_NOT_FOUND}), whether it is someone else's or does not exist, and nothing is written. Every
     * write that binds something to a session or subagent (rules, rule imports, hooks, calls) asks this first.
     */
    public void assertMayUse(Actor actor, SessionId sessionId, SubagentId subagentId) {
        if (sessionId != null) {
            sessionMode(actor, sessionId);
        }
        if (subagentId != null) {
            subagents.assertVisible(actor, subagentId);
        }
    }

    /** The mode that decides whether an allowed call still asks; checks the caller may run calls in the session. */
    public SessionMode sessionMode(Actor actor, SessionId sessionId) {
        if (sessionId == null) {
            // Without a session nothing says the user chose auto-accept, so the careful mode applies.
            return SessionMode.PLAN;
        }
        return commands.send(
                new AdmitToolCall(sessionId, actor),
                () -> new ReferenceRefused(SessionError.NOT_FOUND, "No session " + sessionId));
    }

    private List<HookRef> preToolUseHooks(Actor actor, Call call) {
        return preToolUseHooks.matching(actor, call.tool(), call.sessionId(), call.subagentId());
    }
}
