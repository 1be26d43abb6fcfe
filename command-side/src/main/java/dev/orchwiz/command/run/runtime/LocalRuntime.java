package dev.orchwiz.command.run.runtime;

import dev.orchwiz.api.run.RequestedTool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A deterministic stand-in for a model, so that a new user can try the whole flow without any key and tests can drive
 * it exactly. Its syntax (also in the README): every line of the prompt that reads {@code run: <command>} asks for one
 * {@code Bash} call with that command; once the calls are settled it answers with their outcome; any other prompt is
 * echoed back. It streams its text word by word like a model would.
 */
@Component
public class LocalRuntime implements AgentRuntime {

    public static final String NAME = "local";
    static final String MODEL = "local-echo";

    private static final Pattern RUN_LINE = Pattern.compile("(?m)^\\s*run:\\s*(\\S.*?)\\s*$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public String defaultModel() {
        return MODEL;
    }

    @Override
    public boolean deterministic() {
        return true;
    }

    @Override
    public ModelTurn call(ModelRequest request, ModelStream stream) {
        List<ChatTurn> messages = request.messages();
        long inputTokens =
                messages.stream().mapToLong(turn -> words(turn.text())).sum();
        ChatTurn last = messages.isEmpty() ? ChatTurn.user("") : messages.get(messages.size() - 1);
        String text;
        List<RequestedTool> calls = List.of();
        if (last.role() == ChatTurn.Role.TOOL) {
            text = summary(messages);
        } else {
            calls = requestedCommands(last.text());
            text = calls.isEmpty()
                    ? "Local runtime (deterministic, no model). You said: " + last.text()
                    : "Running " + calls.size() + " command" + (calls.size() == 1 ? "" : "s")
                            + " through the control plane.";
        }
        streamWords(text, stream);
        return new ModelTurn(
                text, calls, inputTokens, words(text), calls.isEmpty() ? "stop" : "tool_calls", request.model());
    }

    private static List<RequestedTool> requestedCommands(String prompt) {
        List<RequestedTool> calls = new ArrayList<>();
        Matcher matcher = RUN_LINE.matcher(prompt == null ? "" : prompt);
        while (matcher.find()) {
            calls.add(new RequestedTool("local-" + (calls.size() + 1), "Bash", Map.of("command", matcher.group(1))));
        }
        return calls;
    }

    /** The outcome of the tool results that follow the last assistant turn, one paragraph each. */
    private static String summary(List<ChatTurn> messages) {
        List<String> parts = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && messages.get(i).role() == ChatTurn.Role.TOOL; i--) {
            ChatTurn result = messages.get(i);
            parts.add(0, "Result of " + result.toolName() + " (" + result.toolCallId() + "):\n" + result.text());
        }
        return String.join("\n\n", parts);
    }

    private static void streamWords(String text, ModelStream stream) {
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
                if (stream.cancelled()) {
                    return;
                }
                stream.text(text.substring(start, i));
                start = i;
            }
        }
    }

    private static long words(String text) {
        return text == null || text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
