package dev.orchwiz.api.run.event;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.ToolCallId;
import java.util.Map;

/** The run asked the control plane for a tool call the model wants; the tool call decides it. */
public record RunToolCallRequested(
        RunId runId,
        int step,
        ToolCallId toolCallId,
        String providerCallId,
        String tool,
        Map<String, Object> input,
        String spanId) {}
