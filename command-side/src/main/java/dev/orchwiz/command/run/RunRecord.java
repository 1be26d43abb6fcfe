package dev.orchwiz.command.run;

import dev.orchwiz.api.run.RequestedTool;
import dev.orchwiz.api.run.ToolResult;
import dev.orchwiz.api.run.event.ModelCallCompleted;
import dev.orchwiz.api.run.event.RunCancelled;
import dev.orchwiz.api.run.event.RunCompleted;
import dev.orchwiz.api.run.event.RunFailed;
import dev.orchwiz.api.run.event.RunStarted;
import dev.orchwiz.api.run.event.RunToolCallRequested;
import dev.orchwiz.api.run.event.RunToolResultReceived;
import dev.orchwiz.api.run.event.RuntimeFellBack;
import dev.orchwiz.command.run.runtime.ChatTurn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run as its own events tell it, read from the event store for each step (the events already read are cached, see
 * {@link RunConversations}), plus the results settled since: a step after an approval, a restart or on another node
 * sees exactly what was recorded.
 */
final class RunRecord {

    /** The step of the calls a run makes before its first model call (model calls count from 1). */
    static final int PREFLIGHT_STEP = 0;

    private RunStarted started;
    private boolean finished;
    private int steps;
    private long tokens;
    private String runtime;
    private final Set<String> pending = new LinkedHashSet<>();
    private final List<ChatTurn> turns = new ArrayList<>();
    private final Map<String, RunToolCallRequested> requested = new HashMap<>();
    /** The order the run asked for its calls in, which is the order their results go back to the model. */
    private final Map<String, Integer> askedOrder = new HashMap<>();
    /** Step 0: a prompt command's {@code !`cmd`} calls, in order, and the output each settled with. */
    private final List<String> preflightCalls = new ArrayList<>();

    private final Map<String, String> preflightOutputs = new HashMap<>();

    static RunRecord of(Iterable<?> payloads) {
        RunRecord record = new RunRecord();
        payloads.forEach(record::apply);
        return record;
    }

    private void apply(Object payload) {
        if (payload instanceof RunStarted event) {
            started = event;
            runtime = event.runtime();
        } else if (payload instanceof RuntimeFellBack event) {
            runtime = event.to();
        } else if (payload instanceof ModelCallCompleted event) {
            steps++;
            tokens += event.inputTokens() + event.outputTokens();
            List<RequestedTool> calls = event.toolCalls() == null ? List.of() : event.toolCalls();
            if (!calls.isEmpty()) {
                turns.add(ChatTurn.assistant(event.text(), calls));
            }
        } else if (payload instanceof RunToolCallRequested event) {
            pending.add(event.toolCallId().toString());
            requested.put(event.toolCallId().toString(), event);
            askedOrder.putIfAbsent(event.toolCallId().toString(), askedOrder.size());
            if (event.step() == PREFLIGHT_STEP) {
                preflightCalls.add(event.toolCallId().toString());
            }
        } else if (payload instanceof RunToolResultReceived event) {
            String id = event.toolCallId().toString();
            pending.remove(id);
            RunToolCallRequested call = requested.get(id);
            String output = event.error() ? "Error: " + event.output() : event.output();
            if (preflightCalls.contains(id)) {
                // Not a turn of its own: no assistant asked for it; its output goes into the prompt instead.
                preflightOutputs.put(id, output);
                return;
            }
            turns.add(ChatTurn.toolResult(
                    call == null ? id : call.providerCallId(), call == null ? null : call.tool(), output));
        } else if (payload instanceof RunCompleted || payload instanceof RunFailed || payload instanceof RunCancelled) {
            finished = true;
        }
    }

    /**
     * Adds results that settled but are not recorded yet (they will be, with the model call they are sent to), in the
     * order their calls were asked for, and answers them in that order.
     */
    List<ToolResult> settle(List<ToolResult> results) {
        List<ToolResult> ordered = results.stream()
                .sorted(Comparator.comparingInt(
                        result -> askedOrder.getOrDefault(result.toolCallId().toString(), Integer.MAX_VALUE)))
                .toList();
        for (ToolResult result : ordered) {
            if (pending.contains(result.toolCallId().toString())) {
                apply(new RunToolResultReceived(
                        started.runId(),
                        result.toolCallId(),
                        result.status(),
                        result.output(),
                        result.error(),
                        result.settledAt()));
            }
        }
        return ordered;
    }

    boolean exists() {
        return started != null;
    }

    RunStarted started() {
        return started;
    }

    boolean finished() {
        return finished;
    }

    int steps() {
        return steps;
    }

    long tokens() {
        return tokens;
    }

    /** The runtime in use now: the chosen one, or the one the last fallback moved to. */
    String runtime() {
        return runtime;
    }

    boolean waitingForTools() {
        return !pending.isEmpty();
    }

    /** Whether the run's {@code !`cmd`} calls have been asked for (they are, once, before the first model call). */
    boolean preflightRequested() {
        return !preflightCalls.isEmpty();
    }

    /** The outputs of the {@code !`cmd`} calls in the order they were asked for; empty while one is pending. */
    List<String> preflightOutputs() {
        return preflightCalls.stream()
                .map(id -> preflightOutputs.getOrDefault(id, ""))
                .toList();
    }

    /** The run's own part of the conversation: each assistant turn that asked for tools and the results after it. */
    List<ChatTurn> turns() {
        return List.copyOf(turns);
    }
}
