package dev.orchwiz.command.run.runtime;

import dev.orchwiz.api.run.RequestedTool;
import java.util.List;

/** The model's answer to one call: its text, the tools it wants run (none for a final answer) and its usage. */
public record ModelTurn(
        String text,
        List<RequestedTool> toolCalls,
        long inputTokens,
        long outputTokens,
        String finishReason,
        String model) {

    public ModelTurn {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
