package dev.orchwiz.command.run;

import dev.orchwiz.api.run.RequestedTool;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run as its own events tell it, read from the event store for each step: the process keeps no conversation in
 * memory, so a step after an approval, a restart or on another node sees exactly what was recorded.
 */
final class RunRecord {

    private RunStarted started;
    private boolean finished;
    private int steps;
    private long tokens;
    private String runtime;
    private final Set<String> pending = new LinkedHashSet<>();
    private final List<ChatTurn> turns = new ArrayList<>();
    private final Map<String, RunToolCallRequested> requested = new HashMap<>();

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
        } else if (payload instanceof RunToolResultReceived event) {
            String id = event.toolCallId().toString();
            pending.remove(id);
            RunToolCallRequested call = requested.get(id);
            String output = event.error() ? "Error: " + event.output() : event.output();
            turns.add(ChatTurn.toolResult(
                    call == null ? id : call.providerCallId(), call == null ? null : call.tool(), output));
        } else if (payload instanceof RunCompleted || payload instanceof RunFailed || payload instanceof RunCancelled) {
            finished = true;
        }
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

    /** The run's own part of the conversation: each assistant turn that asked for tools and the results after it. */
    List<ChatTurn> turns() {
        return List.copyOf(turns);
    }
}
