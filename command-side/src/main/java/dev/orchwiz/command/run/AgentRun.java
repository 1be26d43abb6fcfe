package dev.orchwiz.command.run;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.run.RunError;
import dev.orchwiz.api.run.RunState;
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
import dev.orchwiz.command.ownership.Owned;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One agent run, from its prompt to its answer. It keeps what the run's process must not get wrong: a finished run
 * takes nothing more (a late chunk, a second answer, a cancel), each tool call of a step settles once, and the next
 * model call starts only when all of them have. Usage and cost add up here, so the answer carries the totals.
 */
@Aggregate(cache = "runCache")
class AgentRun {

    static final int TEXT_LIMIT = 256 * 1024;

    @AggregateIdentifier
    private RunId runId;

    private UserId ownerId;
    private SessionId sessionId;
    private RunState state;
    private int steps;
    private long inputTokens;
    private long outputTokens;
    private BigDecimal cost = BigDecimal.ZERO;
    private final Set<ToolCallId> pending = new LinkedHashSet<>();
    private final Set<ToolCallId> settled = new LinkedHashSet<>();
    /** The pending calls that wait for a person; the run awaits approval while one does. */
    private final Set<ToolCallId> awaiting = new LinkedHashSet<>();
    /** The calls a person decided; a note that one waits, arriving after its decision, is too late to matter. */
    private final Set<ToolCallId> decided = new LinkedHashSet<>();

    AgentRun() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    RunChanged handle(StartRun command) {
        Objects.requireNonNull(command.sessionId(), "sessionId");
        Objects.requireNonNull(command.ownerId(), "ownerId");
        apply(
                new RunStarted(
                        command.runId(),
                        command.sessionId(),
                        command.ownerId(),
                        command.traceId(),
                        command.spanId(),
                        command.runtime(),
                        command.model(),
                        command.promptInteractionId(),
                        command.prompt(),
                        command.origin(),
                        command.maxSteps(),
                        command.tokenBudget(),
                        command.allowedTools(),
                        command.sampled(),
                        command.actor().id(),
                        command.tags() == null ? Map.of() : command.tags(),
                        command.preflightCommands() == null ? List.of() : List.copyOf(command.preflightCommands()),
                        command.agent()),
                Owned.by(command.ownerId()));
        return changed();
    }

    @CommandHandler
    RunChanged handle(RecordRuntimeFallback command) {
        if (!state.isFinal()) {
            applyOwned(new RuntimeFellBack(runId, command.from(), command.to(), command.reason()));
        }
        return changed();
    }

    @CommandHandler
    RunChanged handle(RecordAssistantOutput command) {
        // A chunk that arrives after a cancel is dropped: the run ended where the person stopped it.
        if (!state.isFinal() && command.text() != null && !command.text().isEmpty()) {
            applyOwned(new AssistantOutputStreamed(runId, command.step(), cap(command.text())));
        }
        return changed();
    }

    /**
     * A model call and the tool results it was made with, in one commit: the results first (each settles a call of
     * the previous step, and together they settle all of them), then the call and what it asks for next.
     */
    @CommandHandler
    RunChanged handle(RecordModelCall command) {
        if (!state.isFinal()) {
            assertStep(command.step());
            settle(command.results(), true);
            if (command.outputTail() != null && !command.outputTail().isEmpty()) {
                applyOwned(new AssistantOutputStreamed(runId, command.step(), cap(command.outputTail())));
            }
            applyOwned(new ModelCallCompleted(
                    runId,
                    command.step(),
                    command.spanId(),
                    command.runtime(),
                    command.model(),
                    Math.max(0, command.inputTokens()),
                    Math.max(0, command.outputTokens()),
                    command.cost() == null ? BigDecimal.ZERO : command.cost(),
                    command.startedAt(),
                    Math.max(0, command.latencyMillis()),
                    command.finishReason(),
                    cap(command.text()),
                    command.toolCalls(),
                    command.runtimeTools() == null ? List.of() : command.runtimeTools()));
            for (RecordModelCall.Link link : command.links()) {
                requested(
                        command.step(),
                        link.toolCallId(),
                        link.providerCallId(),
                        link.tool(),
                        link.input(),
                        link.spanId());
            }
            if (command.completes() && command.links().isEmpty()) {
                // The totals include the call just applied: its handler ran as it was applied.
                applyOwned(new RunCompleted(runId, cap(command.text()), inputTokens, outputTokens, cost, steps));
            }
        }
        return changed();
    }

    @CommandHandler
    RunChanged handle(RecordRunToolCall command) {
        assertNotFinished();
        requested(
                command.step(),
                command.toolCallId(),
                command.providerCallId(),
                command.tool(),
                command.input(),
                command.spanId());
        return changed();
    }

    private void requested(
            int step, ToolCallId call, String providerCallId, String tool, Map<String, Object> input, String spanId) {
        if (!pending.contains(call) && !settled.contains(call)) {
            applyOwned(new RunToolCallRequested(runId, step, call, providerCallId, tool, input, spanId));
        }
    }

    @CommandHandler
    RunChanged handle(MarkRunAwaitingApproval command) {
        ToolCallId call = command.toolCallId();
        if (!state.isFinal() && pending.contains(call) && !awaiting.contains(call) && !decided.contains(call)) {
            applyOwned(new RunAwaitingApproval(runId, command.toolCallId()));
        }
        return changed();
    }

    /**
     * A decision on a pending call, once. It may come before the note that the call waits (both are sent from the
     * run's process workers, in no set order): it is recorded anyway, and the late note then changes nothing.
     */
    @CommandHandler
    RunChanged handle(RecordRunApprovalDecision command) {
        if (!state.isFinal() && pending.contains(command.toolCallId()) && !decided.contains(command.toolCallId())) {
            applyOwned(new RunApprovalDecided(runId, command.toolCallId(), command.decision()));
        }
        return changed();
    }

    /**
     * Records results, each for a call the run waits for; with {@code all}, they must settle every call it waits for.
     * Anything else is a step recorded against a run that has moved on (a result recorded twice, a call of another
     * step): refused whole, before any event, so a step is never recorded half.
     */
    private void settle(List<ToolResult> results, boolean all) {
        Set<ToolCallId> settling = new LinkedHashSet<>();
        for (ToolResult result : results) {
            if (!pending.contains(result.toolCallId()) || !settling.add(result.toolCallId())) {
                throw new RunRefusal(
                        RunError.STEP_OUT_OF_DATE, "The run does not wait for tool call " + result.toolCallId());
            }
        }
        if (all && settling.size() != pending.size()) {
            throw new RunRefusal(
                    RunError.STEP_OUT_OF_DATE,
                    "The run still waits for " + (pending.size() - settling.size()) + " tool call(s) of its step");
        }
        for (ToolResult result : results) {
            applyOwned(new RunToolResultReceived(
                    runId,
                    result.toolCallId(),
                    result.status(),
                    cap(result.output()),
                    result.error(),
                    result.settledAt()));
        }
    }

    /** A model call is the run's next one: the step after those recorded. */
    private void assertStep(int step) {
        if (step != steps + 1) {
            throw new RunRefusal(
                    RunError.STEP_OUT_OF_DATE, "The run's next model call is step " + (steps + 1) + ", not " + step);
        }
    }

    @CommandHandler
    RunChanged handle(CompleteRun command) {
        assertNotFinished();
        applyOwned(new RunCompleted(runId, cap(command.answer()), inputTokens, outputTokens, cost, steps));
        return changed();
    }

    /** Failing a finished run changes nothing: a late failure (a timeout after a cancel) must not rewrite its end. */
    @CommandHandler
    RunChanged handle(FailRun command) {
        if (!state.isFinal()) {
            // Only results of calls still pending: a failure must not be refused for a result it cannot place.
            Set<ToolCallId> placed = new LinkedHashSet<>();
            settle(
                    command.results().stream()
                            .filter(result -> pending.contains(result.toolCallId()) && placed.add(result.toolCallId()))
                            .toList(),
                    false);
            applyOwned(new RunFailed(runId, command.code(), cap(command.reason())));
        }
        return changed();
    }

    @CommandHandler
    RunChanged handle(CancelRun command) {
        if (!command.actor().mayAccess(ownerId)) {
            // Someone else's run answers like a missing one: its existence is not theirs to learn.
            throw new RunRefusal(RunError.NOT_FOUND, "No run " + runId);
        }
        assertNotFinished();
        applyOwned(new RunCancelled(runId, command.actor().id()));
        return changed();
    }

    private void assertNotFinished() {
        if (state.isFinal()) {
            throw new RunRefusal(RunError.ALREADY_FINISHED, "The run is already " + state.wireName());
        }
    }

    private RunChanged changed() {
        return new RunChanged(runId, state, AggregateLifecycle.getVersion());
    }

    private void applyOwned(Object event) {
        apply(event, Owned.by(ownerId));
    }

    private static String cap(String text) {
        if (text == null || text.length() <= TEXT_LIMIT) {
            return text;
        }
        return text.substring(0, TEXT_LIMIT) + "\n[truncated]";
    }

    // --- state ---

    @EventSourcingHandler
    void on(RunStarted event) {
        runId = event.runId();
        ownerId = event.ownerId();
        sessionId = event.sessionId();
        state = RunState.RUNNING;
    }

    @EventSourcingHandler
    void on(ModelCallCompleted event) {
        steps++;
        inputTokens += event.inputTokens();
        outputTokens += event.outputTokens();
        if (event.cost() != null) {
            cost = cost.add(event.cost());
        }
    }

    @EventSourcingHandler
    void on(RunToolCallRequested event) {
        pending.add(event.toolCallId());
    }

    @EventSourcingHandler
    void on(RunAwaitingApproval event) {
        awaiting.add(event.toolCallId());
        state = RunState.AWAITING_APPROVAL;
    }

    @EventSourcingHandler
    void on(RunApprovalDecided event) {
        awaiting.remove(event.toolCallId());
        decided.add(event.toolCallId());
        state = awaiting.isEmpty() ? RunState.RUNNING : RunState.AWAITING_APPROVAL;
    }

    @EventSourcingHandler
    void on(RunToolResultReceived event) {
        pending.remove(event.toolCallId());
        settled.add(event.toolCallId());
        awaiting.remove(event.toolCallId());
        decided.remove(event.toolCallId());
        state = awaiting.isEmpty() ? RunState.RUNNING : RunState.AWAITING_APPROVAL;
    }

    @EventSourcingHandler
    void on(RunCompleted event) {
        state = RunState.COMPLETED;
    }

    @EventSourcingHandler
    void on(RunFailed event) {
        state = RunState.FAILED;
    }

    @EventSourcingHandler
    void on(RunCancelled event) {
        state = RunState.CANCELLED;
    }
}
