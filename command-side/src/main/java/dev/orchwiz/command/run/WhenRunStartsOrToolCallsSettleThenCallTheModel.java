package dev.orchwiz.command.run;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.RunError;
import dev.orchwiz.api.run.RunFailure;
import dev.orchwiz.api.run.RuntimeToolUse;
import dev.orchwiz.api.run.ToolResult;
import dev.orchwiz.api.run.command.FailRun;
import dev.orchwiz.api.run.command.MarkRunAwaitingApproval;
import dev.orchwiz.api.run.command.RecordAssistantOutput;
import dev.orchwiz.api.run.command.RecordModelCall;
import dev.orchwiz.api.run.command.RecordRunApprovalDecision;
import dev.orchwiz.api.run.command.RecordRunToolCall;
import dev.orchwiz.api.run.command.RecordRuntimeFallback;
import dev.orchwiz.api.run.event.RunCancelled;
import dev.orchwiz.api.run.event.RunStarted;
import dev.orchwiz.api.session.InteractionType;
import dev.orchwiz.api.session.SessionLimits;
import dev.orchwiz.api.session.command.RecordInteraction;
import dev.orchwiz.api.toolcall.command.CancelToolCall;
import dev.orchwiz.api.toolcall.event.ToolCallApprovalExpired;
import dev.orchwiz.api.toolcall.event.ToolCallApprovalRequested;
import dev.orchwiz.api.toolcall.event.ToolCallApproved;
import dev.orchwiz.api.toolcall.event.ToolCallBlocked;
import dev.orchwiz.api.toolcall.event.ToolCallCancelled;
import dev.orchwiz.api.toolcall.event.ToolCallCompleted;
import dev.orchwiz.api.toolcall.event.ToolCallDenied;
import dev.orchwiz.api.toolcall.event.ToolCallFailed;
import dev.orchwiz.api.toolcall.event.ToolCallOutputRecorded;
import dev.orchwiz.api.toolcall.event.ToolCallTimedOut;
import dev.orchwiz.command.configuration.DaemonThreads;
import dev.orchwiz.command.execution.LocalRunEndings;
import dev.orchwiz.command.run.runtime.AgentRuntime;
import dev.orchwiz.command.run.runtime.ChatTurn;
import dev.orchwiz.command.run.runtime.ModelRequest;
import dev.orchwiz.command.run.runtime.ModelStream;
import dev.orchwiz.command.run.runtime.ModelTurn;
import dev.orchwiz.command.run.runtime.RunContext;
import dev.orchwiz.command.run.runtime.RuntimeFailure;
import dev.orchwiz.command.run.runtime.ToolSpec;
import dev.orchwiz.command.toolcall.ToolCallRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Drives runs: when a run starts, and whenever the last tool call of its step settles, it calls the model with the
 * whole conversation so far (from the run's events, see {@link RunConversations}), streams the answer into the run, and
 * hands
 * every tool call the model asks for to the control plane, whose decision (allowed, asked and approved, denied) comes
 * back here as the call's final event. The event handlers only hand work to a worker: a model call takes seconds to
 * minutes and must not hold up the processor, and commands sent from a handler would commit with its batch.
 */
@Component
@ProcessingGroup(WhenRunStartsOrToolCallsSettleThenCallTheModel.PROCESSING_GROUP)
// A process acts (calls models, requests tool calls): replaying history would act again, so it is never rebuilt.
@DisallowReplay
class WhenRunStartsOrToolCallsSettleThenCallTheModel implements DisposableBean, LocalRunEndings {

    static final String PROCESSING_GROUP = "agent-runs";

    static final String SYSTEM_PROMPT = "You are a coding agent run by OrchWiz. Use the Bash tool to run shell commands"
            + " in the session's workspace. Every tool call passes the node's permission rules and may wait for a"
            + " person's approval; a denied, blocked or failed call comes back to you as an error result. Answer"
            + " concisely once you are done.";

    static final List<ToolSpec> TOOLS = List.of(new ToolSpec(
            ToolCallRequests.LOCAL_TOOL,
            "Runs a shell command in the session's workspace and answers its output.",
            Map.of(
                    "type", "object",
                    "properties",
                            Map.of(
                                    "command", Map.of("type", "string", "description", "The command to run"),
                                    "description",
                                            Map.of(
                                                    "type",
                                                    "string",
                                                    "description",
                                                    "What the command does, in a few words")),
                    "required", List.of("command"))));

    private static final Logger log = LoggerFactory.getLogger(WhenRunStartsOrToolCallsSettleThenCallTheModel.class);
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final CommandGateway commands;
    private final RunConversations conversations;
    private final Runtimes runtimes;
    private final RunToolCalls links;
    private final ToolCallRequests toolCalls;
    private final RunProperties properties;
    private final PriceTable prices;
    private final RunRedaction redaction;
    private final RunsCallingModels calling;
    private final Set<RunId> cancelled = ConcurrentHashMap.newKeySet();
    /** Runs whose model call is in progress in this process; a run in flight that is not here was interrupted. */
    private final Set<RunId> driving = ConcurrentHashMap.newKeySet();

    private final ExecutorService workers = Executors.newFixedThreadPool(4, new DaemonThreads("agent-run"));

    /**
     * Calls of runs that this node ran and settled as they ended (ADR 0024): their event, when it reaches the
     * processor here, has nothing left to do. Bounded and expiring: an entry whose event was handled first is dropped.
     */
    private final Cache<ToolCallId, Boolean> settledWhereRun = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .executor(Runnable::run)
            .build();

    /**
     * The calls this node's runs asked for and that have not ended, with their run: a call ending quietly here settles
     * its run without a query (ADR 0024), and a call of no run, the usual case, costs nothing. Bounded and expiring: a
     * call not found here (evicted, asked for on another node, or before a restart) settles through its event.
     */
    private final Cache<ToolCallId, RunId> linkedHere = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(30))
            .executor(Runnable::run)
            .build();

    WhenRunStartsOrToolCallsSettleThenCallTheModel(
            CommandGateway commands,
            RunConversations conversations,
            Runtimes runtimes,
            RunToolCalls links,
            ToolCallRequests toolCalls,
            RunProperties properties,
            RunRedaction redaction,
            RunsCallingModels calling) {
        this.calling = calling;
        this.commands = commands;
        this.conversations = conversations;
        this.runtimes = runtimes;
        this.links = links;
        this.toolCalls = toolCalls;
        this.properties = properties;
        this.prices = new PriceTable(properties.prices());
        this.redaction = redaction;
    }

    @EventHandler
    void on(RunStarted event) {
        driving.add(event.runId());
        workers.execute(() -> step(event.runId()));
    }

    @EventHandler
    void on(RunCancelled event) {
        cancelled.add(event.runId());
        conversations.forget(event.runId());
        List<ToolCallId> pending = links.pendingOf(event.runId());
        workers.execute(() -> pending.forEach(call -> cancelCall(event.runId(), call)));
    }

    @EventHandler
    void on(ToolCallApprovalRequested event) {
        links.runOf(event.toolCallId())
                .ifPresent(run -> workers.execute(() -> send(new MarkRunAwaitingApproval(run, event.toolCallId()))));
    }

    @EventHandler
    void on(ToolCallOutputRecorded event) {
        // In the processor's own transaction, so the output is complete when the call's final event is handled. One
        // statement: it changes only a run's call's row, so a call of no run (most calls) costs no lookup first.
        links.appendOutput(event.toolCallId(), event.text());
    }

    /** A call the node does not run itself has nobody to run it in a run: it ends as an error the model is told. */
    @EventHandler
    void on(ToolCallApproved event) {
        if (!event.automatic()) {
            decided(event.toolCallId(), "approved");
        }
        if (Boolean.FALSE.equals(event.runsLocally())) {
            links.runOf(event.toolCallId())
                    .ifPresent(run -> workers.execute(() -> {
                        cancelCall(run, event.toolCallId());
                        settle(
                                run,
                                event.toolCallId(),
                                "failed",
                                "This node cannot run that tool in an agent run.",
                                true);
                    }));
        }
    }

    @EventHandler
    void on(ToolCallCompleted event) {
        if (settledWhereRun.asMap().remove(event.toolCallId()) != null) {
            return;
        }
        settleLater(event.toolCallId(), "completed", "exit code " + event.exitCode(), false);
    }

    /**
     * A call this node ran completed: its run's step goes on from here, not a processor's hop later (ADR 0024). Only a
     * call that printed nothing: output reaches the run through the call's output events, which the processor handles
     * in order before the call's end. The result is the one {@link #on(ToolCallCompleted)} would settle.
     */
    @Override
    public void completed(ToolCallId call, int exitCode, boolean printed) {
        RunId run = linkedHere.asMap().remove(call);
        if (printed || run == null) {
            return;
        }
        settledWhereRun.put(call, Boolean.TRUE);
        workers.execute(() -> settleLinked(run, call, "completed", "exit code " + exitCode, false));
    }

    @EventHandler
    void on(ToolCallFailed event) {
        settleLater(event.toolCallId(), "failed", event.error() == null ? "failed" : event.error(), true);
    }

    @EventHandler
    void on(ToolCallTimedOut event) {
        settleLater(event.toolCallId(), "timed_out", "timed out after " + event.durationMs() + " ms", true);
    }

    @EventHandler
    void on(ToolCallCancelled event) {
        settleLater(event.toolCallId(), "cancelled", "cancelled", true);
    }

    @EventHandler
    void on(ToolCallDenied event) {
        decided(event.toolCallId(), "denied");
        String why = event.comment() == null || event.comment().isBlank() ? event.reason() : event.comment();
        settleLater(event.toolCallId(), "denied", "The call was denied: " + why, true);
    }

    @EventHandler
    void on(ToolCallBlocked event) {
        settleLater(event.toolCallId(), "blocked", "The call was blocked: " + event.reason(), true);
    }

    @EventHandler
    void on(ToolCallApprovalExpired event) {
        decided(event.toolCallId(), "expired");
        settleLater(event.toolCallId(), "expired", "Nobody approved the call in time.", true);
    }

    /**
     * A person's decision (or its expiry) ends the run's wait at once; the result follows when the call ends. Only a
     * call that asked: an automatic approval costs a run no command.
     */
    private void decided(ToolCallId call, String decision) {
        links.runOf(call)
                .ifPresent(run -> workers.execute(() -> {
                    try {
                        send(new RecordRunApprovalDecision(run, call, decision));
                    } catch (RuntimeException failed) {
                        log.warn(
                                "Could not note the decision on tool call {} of run {}: {}",
                                call,
                                run,
                                failed.toString());
                    }
                }));
    }

    private void settleLater(ToolCallId call, String status, String outcome, boolean error) {
        links.runOf(call).ifPresent(run -> {
            String output = links.output(call);
            String result = output.isEmpty() ? outcome : output + (error ? "\n" + outcome : "");
            workers.execute(() -> settleLinked(run, call, status, result, error));
        });
    }

    /**
     * Settles a call of the run in the row it was linked with, and takes the step if this settling was its last. A
     * call settled already (where it ran, or refused first) changes nothing: whoever settled it took the step.
     */
    private void settleLinked(RunId run, ToolCallId call, String status, String output, boolean error) {
        try {
            if (links.settleLinked(new ToolResult(call, status, redaction.redact(output), error, Instant.now()))) {
                takeStep(run);
            }
        } catch (RuntimeException failed) {
            log.warn("Could not record the result of tool call {} in run {}: {}", call, run, failed.toString());
        }
    }

    private void takeStep(RunId run) {
        List<ToolResult> step = links.claimStep(run, properties.node());
        if (!step.isEmpty()) {
            step(run, step);
        }
    }

    /**
     * Settles a call where the run's process keeps its calls, not in the run: the result is recorded with the model
     * call it goes to (ADR 0020). The settling that finds its step's calls all settled takes them to that call.
     */
    private void settle(RunId run, ToolCallId call, String status, String output, boolean error) {
        try {
            // Stamped here, by the node's clock: the event that records it is written a model call later.
            links.settle(run, new ToolResult(call, status, redaction.redact(output), error, Instant.now()));
            takeStep(run);
        } catch (RuntimeException failed) {
            log.warn("Could not record the result of tool call {} in run {}: {}", call, run, failed.toString());
        }
    }

    /** One model call of the run, and what follows from its answer. */
    void step(RunId runId) {
        step(runId, List.of());
    }

    /** One model call of the run with the results of its previous step's calls, all settled and not yet recorded. */
    private void step(RunId runId, List<ToolResult> settled) {
        driving.add(runId);
        List<ToolResult> results = settled;
        // A step holding results is in flight from here (claiming them marked it so, in one statement): a node dying
        // now leaves them to be recorded on restart.
        boolean inFlight = !settled.isEmpty();
        try {
            RunRecord run = conversations.record(runId);
            if (!run.exists()) {
                return;
            }
            results = run.settle(settled);
            if (run.finished() || cancelled.contains(runId)) {
                // Results that settled after the run ended (its calls cancelled by a cancel) go nowhere.
                links.forget(results);
                conversations.forget(runId);
                return;
            }
            if (run.waitingForTools()) {
                // Not the whole step: whoever settles its last call takes these with it.
                links.release(results);
                return;
            }
            RunStarted started = run.started();
            if (run.steps() >= started.maxSteps()) {
                fail(
                        runId,
                        RunFailure.STEP_LIMIT,
                        "The run made " + run.steps() + " model calls, its limit, without a final answer.",
                        results);
                return;
            }
            if (run.tokens() >= started.tokenBudget()) {
                fail(
                        runId,
                        RunFailure.TOKEN_BUDGET,
                        "The run used " + run.tokens() + " tokens, its budget of " + started.tokenBudget()
                                + ", without a final answer.",
                        results);
                return;
            }
            List<String> preflight = preflightOf(started);
            if (!preflight.isEmpty() && !run.preflightRequested()) {
                requestPreflight(runId, started, preflight);
                return;
            }
            if (!inFlight) {
                calling.begin(runId);
                inFlight = true;
            }
            callModel(runId, run, started, results);
        } catch (RuleViolation outOfDate) {
            if (outOfDate.errorCode() != RunError.STEP_OUT_OF_DATE) {
                throw outOfDate;
            }
            // Another step recorded first (a second node, a step raced after a restart): the run went on without
            // this one, whose results it recorded or will; failing the run for it would end a healthy run.
            log.info("Run {} took no step from here: {}", runId, outOfDate.getMessage());
        } catch (RuntimeException unexpected) {
            log.warn("Run {} failed unexpectedly", runId, unexpected);
            fail(
                    runId,
                    RunFailure.ERROR,
                    "The run stopped on an unexpected error: "
                            + unexpected.getClass().getSimpleName(),
                    results);
        } finally {
            if (inFlight) {
                calling.end(runId);
            }
            driving.remove(runId);
        }
    }

    /** Whether this process is calling the run's model right now. */
    boolean drives(RunId runId) {
        return driving.contains(runId);
    }

    private void callModel(RunId runId, RunRecord run, RunStarted started, List<ToolResult> results) {
        List<ChatTurn> messages = new ArrayList<>();
        messages.add(ChatTurn.system(SYSTEM_PROMPT));
        if (started.agent() != null && started.agent().systemPrompt() != null) {
            // The subagent's own instructions, as Claude Code gives a subagent its prompt.
            messages.add(ChatTurn.system(started.agent().systemPrompt()));
        }
        messages.addAll(withCommandOutput(conversations.transcript(started), started, run));
        messages.addAll(run.turns());
        int step = run.steps() + 1;
        // A runtime that asks on its own (a gateway's exec approvals) decides them in this run's session, as its owner.
        RunContext context = new RunContext(runId, started.sessionId(), started.ownerId());
        List<AgentRuntime> chain = runtimes.chain(run.runtime());
        if (chain.isEmpty()) {
            fail(
                    runId,
                    RunFailure.RUNTIME_UNAVAILABLE,
                    "The runtime '" + run.runtime() + "' is not configured on this node.",
                    results);
            return;
        }
        for (int i = 0; i < chain.size(); i++) {
            AgentRuntime runtime = chain.get(i);
            boolean chosen = runtime.name().equals(started.runtime()) && started.model() != null;
            String model = chosen ? started.model() : runtime.defaultModel();
            Output output = new Output(runId, step);
            Instant startedAt = Instant.now();
            long start = System.nanoTime();
            try {
                ModelTurn turn = runtime.call(
                        new ModelRequest(model, messages, offered(started), properties.modelTimeout(), context),
                        output);
                long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                // The last chunk travels with the model call: one commit, not two, for every step.
                answered(runId, started, step, runtime, model, turn, startedAt, latency, output.drain(), results);
                return;
            } catch (RuntimeFailure failure) {
                output.flush();
                String reason = runtime.name() + ": " + redaction.redact(failure.getMessage());
                if (failure.fallbackAllowed() && !output.streamed() && i + 1 < chain.size()) {
                    send(new RecordRuntimeFallback(
                            runId, runtime.name(), chain.get(i + 1).name(), reason));
                    continue;
                }
                fail(runId, failure.code(), reason, results);
                return;
            }
        }
    }

    private void answered(
            RunId runId,
            RunStarted started,
            int step,
            AgentRuntime runtime,
            String model,
            ModelTurn turn,
            Instant startedAt,
            long latency,
            String outputTail,
            List<ToolResult> results) {
        String usedModel = turn.model() == null || turn.model().isBlank() ? model : turn.model();
        String text = redaction.redact(turn.text());
        List<RequestedTool> calls = turn.toolCalls().stream()
                .map(call -> new RequestedTool(call.id(), call.name(), redaction.redactValues(call.input())))
                .toList();
        AllowedTools allowed = new AllowedTools(started.allowedTools());
        List<RecordModelCall.Link> asking = new ArrayList<>();
        List<RunToolCalls.Link> linking = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            RequestedTool asked = turn.toolCalls().get(i);
            ToolCallId id = ToolCallId.random();
            linking.add(new RunToolCalls.Link(id, asked.id(), asked.name()));
            asking.add(new RecordModelCall.Link(
                    id, asked.id(), asked.name(), calls.get(i).input(), TraceIds.spanId()));
        }
        // Linked first, every one of them: a call can settle before the request even answers, and a step is taken
        // only once each call it asked for has a row and has settled in it (a refused one too).
        link(runId, linking);
        boolean completes = turn.toolCalls().isEmpty();
        send(new RecordModelCall(
                runId,
                step,
                TraceIds.spanId(),
                runtime.name(),
                usedModel,
                turn.inputTokens(),
                turn.outputTokens(),
                prices.cost(usedModel, turn.inputTokens(), turn.outputTokens()),
                startedAt,
                latency,
                turn.finishReason(),
                text,
                calls,
                turn.runtimeTools().stream()
                        .map(tool -> new RuntimeToolUse(
                                tool.id(),
                                tool.name(),
                                redaction.redactValues(tool.input()),
                                redaction.redact(tool.output()),
                                tool.failed()))
                        .toList(),
                outputTail.isEmpty() ? null : redaction.redact(outputTail),
                asking,
                completes,
                results));
        links.forget(results);
        if (completes) {
            conversations.forget(runId);
        }
        if (cancelled.contains(runId)) {
            return;
        }
        if (completes) {
            recordAnswer(started, text);
            return;
        }
        Actor owner = new Actor(started.ownerId(), false);
        for (int i = 0; i < turn.toolCalls().size(); i++) {
            RequestedTool asked = turn.toolCalls().get(i);
            ToolCallId id = asking.get(i).toolCallId();
            if (allowed.permits(asked.name())) {
                requestRuntimeCall(runId, started, owner, id, asked.name(), asked.input());
            } else {
                // A tool outside the run's allowed-tools never becomes a tool call: the run answers the model with
                // the refusal as an error, so it can go on without it.
                String why = allowed.refusal(asked.name());
                workers.execute(() -> settle(runId, id, "refused", why, true));
            }
        }
    }

    /** The tools the model is offered: all of them, or those the run's {@code allowed-tools} name. */
    static List<ToolSpec> offered(RunStarted started) {
        AllowedTools allowed = new AllowedTools(started.allowedTools());
        return TOOLS.stream().filter(tool -> allowed.permits(tool.name())).toList();
    }

    private static List<String> preflightOf(RunStarted started) {
        return started.preflightCommands() == null ? List.of() : started.preflightCommands();
    }

    /**
     * A prompt command's {@code !`cmd`} commands, asked for as {@code Bash} calls before the model is called: all are
     * recorded first, so none can settle (and start the model call) before the last is pending. Each passes the
     * control plane like any call; a command the run's {@code allowed-tools} do not allow is refused the same way.
     */
    private void requestPreflight(RunId runId, RunStarted started, List<String> commands) {
        Actor owner = new Actor(started.ownerId(), false);
        AllowedTools allowed = new AllowedTools(started.allowedTools());
        List<RunToolCalls.Link> linking = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            linking.add(new RunToolCalls.Link(ToolCallId.random(), "command-" + i, ToolCallRequests.LOCAL_TOOL));
        }
        link(runId, linking);
        for (int i = 0; i < commands.size(); i++) {
            ToolCallId id = linking.get(i).call();
            send(new RecordRunToolCall(
                    runId,
                    RunRecord.PREFLIGHT_STEP,
                    id,
                    "command-" + i,
                    ToolCallRequests.LOCAL_TOOL,
                    // Recorded in the run as a model's request would be: redacted (the tool call keeps its own copy).
                    redaction.redactValues(Map.of("command", commands.get(i))),
                    TraceIds.spanId()));
        }
        for (int i = 0; i < commands.size(); i++) {
            ToolCallId id = linking.get(i).call();
            if (!allowed.permits(ToolCallRequests.LOCAL_TOOL)) {
                workers.execute(() -> settle(runId, id, "refused", allowed.refusal(ToolCallRequests.LOCAL_TOOL), true));
                continue;
            }
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("command", commands.get(i));
            input.put("description", "!`" + commands.get(i) + "` of a slash command");
            requestRuntimeCall(runId, started, owner, id, ToolCallRequests.LOCAL_TOOL, input);
        }
    }

    /** Links calls to their run, in the table and in this node's memory of the calls its runs asked for. */
    private void link(RunId runId, List<RunToolCalls.Link> calls) {
        links.link(runId, calls);
        calls.forEach(call -> linkedHere.put(call.call(), runId));
    }

    /** The prompt of a run with {@code !`cmd`} calls, as the model sees it: each marker replaced by its output. */
    private static List<ChatTurn> withCommandOutput(List<ChatTurn> transcript, RunStarted started, RunRecord run) {
        List<String> commands = preflightOf(started);
        if (commands.isEmpty() || transcript.isEmpty()) {
            return transcript;
        }
        int last = transcript.size() - 1;
        ChatTurn prompt = transcript.get(last);
        if (prompt.role() != ChatTurn.Role.USER || !prompt.text().equals(started.prompt())) {
            return transcript;
        }
        List<ChatTurn> turns = new ArrayList<>(transcript.subList(0, last));
        turns.add(ChatTurn.user(InlinedCommandOutput.into(started.prompt(), commands, run.preflightOutputs())));
        return turns;
    }

    /** Asks the control plane for a call of the run; a refused call settles the run's step as refused. */
    private void requestRuntimeCall(
            RunId runId, RunStarted started, Actor owner, ToolCallId id, String tool, Map<String, Object> input) {
        try {
            toolCalls.request(
                    owner,
                    ToolCallRequests.Call.forRun(started.sessionId(), subagentOf(started), tool, input, false),
                    id);
        } catch (RuleViolation refused) {
            workers.execute(() -> settle(runId, id, "refused", "The call was refused: " + refused.getMessage(), true));
        }
    }

    private void recordAnswer(RunStarted started, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String content = text.length() > SessionLimits.INTERACTION_CONTENT
                ? text.substring(0, SessionLimits.INTERACTION_CONTENT)
                : text;
        try {
            send(new RecordInteraction(
                    started.sessionId(),
                    new Actor(started.ownerId(), false),
                    UUID.randomUUID(),
                    InteractionType.AI_RESPONSE,
                    content,
                    Map.of("runId", started.runId().toString(), "traceId", started.traceId())));
        } catch (RuntimeException closed) {
            // A session closed while its run answered keeps the answer in the run; the timeline just misses it.
            log.info(
                    "Session {} took no answer from run {}: {}",
                    started.sessionId(),
                    started.runId(),
                    closed.toString());
        }
    }

    private void cancelCall(RunId run, ToolCallId call) {
        try {
            send(new CancelToolCall(call, Actor.LOCAL_OPERATOR));
        } catch (RuntimeException alreadyOver) {
            log.debug("Tool call {} of run {} was not cancelled: {}", call, run, alreadyOver.toString());
        }
    }

    private void fail(RunId runId, RunFailure code, String reason, List<ToolResult> results) {
        try {
            send(new FailRun(runId, code.name(), reason, results));
            links.forgetRun(runId);
            conversations.forget(runId);
        } catch (RuntimeException failed) {
            log.warn("Could not fail run {}: {}", runId, failed.toString());
        }
    }

    private <R> R send(Object command) {
        return commands.sendAndWait(command, SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /**
     * Collects streamed text into chunks, recorded when a chunk is large enough or old enough: the dashboard sees the
     * answer grow without one event per token.
     */
    /** A run acting as a subagent asks as that subagent, so the subagent's permission policies decide too. */
    private static SubagentId subagentOf(RunStarted started) {
        return started.agent() == null ? null : started.agent().subagentId();
    }

    private final class Output implements ModelStream {

        private static final int CHUNK_CHARS = 400;
        private static final long CHUNK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

        private final RunId runId;
        private final int step;
        private final StringBuilder buffer = new StringBuilder();
        private long lastFlush = System.nanoTime();
        private boolean streamed;

        Output(RunId runId, int step) {
            this.runId = runId;
            this.step = step;
        }

        @Override
        public synchronized void text(String delta) {
            if (delta == null || delta.isEmpty()) {
                return;
            }
            buffer.append(delta);
            if (buffer.length() >= CHUNK_CHARS || System.nanoTime() - lastFlush >= CHUNK_NANOS) {
                flush();
            }
        }

        @Override
        public boolean cancelled() {
            return cancelled.contains(runId);
        }

        synchronized void flush() {
            lastFlush = System.nanoTime();
            if (buffer.isEmpty()) {
                return;
            }
            String chunk = buffer.toString();
            buffer.setLength(0);
            streamed = true;
            send(new RecordAssistantOutput(runId, step, redaction.redact(chunk)));
        }

        /** What is buffered and not yet recorded, taken out: the caller records it. */
        synchronized String drain() {
            String tail = buffer.toString();
            buffer.setLength(0);
            return tail;
        }

        synchronized boolean streamed() {
            return streamed || !buffer.isEmpty();
        }
    }
}
