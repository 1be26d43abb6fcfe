package dev.orchwiz.command.run.runtime;

import java.time.Duration;
import java.util.List;

/**
 * Everything one model call needs: the model, the conversation so far and the tools the model may ask for, and the
 * run it belongs to ({@code run}, null outside a run).
 */
public record ModelRequest(
        String model, List<ChatTurn> messages, List<ToolSpec> tools, Duration timeout, RunContext run) {

    public ModelRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }

    /** A call that belongs to no run (a probe, a test). */
    public ModelRequest(String model, List<ChatTurn> messages, List<ToolSpec> tools, Duration timeout) {
        this(model, messages, tools, timeout, null);
    }
}
