package dev.orchwiz.command.run.runtime;

import java.time.Duration;
import java.util.List;

/** Everything one model call needs: the model, the conversation so far and the tools the model may ask for. */
public record ModelRequest(String model, List<ChatTurn> messages, List<ToolSpec> tools, Duration timeout) {

    public ModelRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
