package dev.orchwiz.api.run.query;

import java.util.Map;

/** A tool call of a run, as the conversation shows it. */
public record RunToolCallView(
        String toolCallId,
        int step,
        String tool,
        Map<String, Object> input,
        String status,
        String output,
        boolean error) {}
