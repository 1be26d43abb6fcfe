package dev.orchwiz.command.run.runtime;

import dev.orchwiz.api.run.RequestedTool;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's answer to one call: its text, the tools it wants run (none for a final answer) and its usage. A runtime
 * that runs tools itself (an OpenClaw gateway) reports them in {@code runtimeTools}: already run, for the record only,
 * never to be run again by the control plane.
 */
public record ModelTurn(
        String text,
        List<RequestedTool> toolCalls,
        long inputTokens,
        long outputTokens,
        String finishReason,
        String model,
        List<RuntimeTool> runtimeTools) {

    public ModelTurn {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        runtimeTools = runtimeTools == null ? List.of() : List.copyOf(runtimeTools);
    }

    /** A turn of a runtime that runs no tools of its own (every runtime but a gateway). */
    public ModelTurn(
            String text,
            List<RequestedTool> toolCalls,
            long inputTokens,
            long outputTokens,
            String finishReason,
            String model) {
        this(text, toolCalls, inputTokens, outputTokens, finishReason, model, List.of());
    }

    /**
     * A tool the runtime ran on its own side during the call (or an approval it asked for): its id there, the tool,
     * its input, what it answered (possibly shortened) and whether that was an error or a refusal.
     */
    public record RuntimeTool(String id, String name, Map<String, Object> input, String output, boolean failed) {

        public RuntimeTool {
            // JSON arguments may hold nulls, which Map.copyOf refuses.
            input = input == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(input));
        }
    }
}
