package dev.orchwiz.command.run.runtime;

import dev.orchwiz.api.run.RequestedTool;
import java.util.List;

/**
 * One message of a conversation: what the user said, what the assistant answered (with the tools it asked for), or a
 * tool result answering the assistant's call {@code toolCallId}.
 */
public record ChatTurn(Role role, String text, List<RequestedTool> toolCalls, String toolCallId, String toolName) {

    public enum Role {
        SYSTEM,
        USER,
        ASSISTANT,
        TOOL
    }

    public ChatTurn {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static ChatTurn system(String text) {
        return new ChatTurn(Role.SYSTEM, text, List.of(), null, null);
    }

    public static ChatTurn user(String text) {
        return new ChatTurn(Role.USER, text, List.of(), null, null);
    }

    public static ChatTurn assistant(String text, List<RequestedTool> toolCalls) {
        return new ChatTurn(Role.ASSISTANT, text, toolCalls, null, null);
    }

    public static ChatTurn toolResult(String toolCallId, String toolName, String output) {
        return new ChatTurn(Role.TOOL, output, List.of(), toolCallId, toolName);
    }
}
