package dev.orchwiz.command.hook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * The bodies hooks receive: the Standard Webhooks envelope ({@code type}, {@code timestamp}, {@code data}) around
 * Claude Code's hook input fields ({@code hook_event_name}, {@code tool_name}, {@code tool_input}…), so a receiver
 * written for Claude Code hooks reads {@code data} unchanged.
 */
final class HookPayloads {

    static final int OUTPUT_LIMIT = 8 * 1024;

    private HookPayloads() {}

    static String envelope(ObjectMapper json, String type, Instant at, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", at.toString());
        body.put("data", data);
        return json.writeValueAsString(body);
    }

    static String abbreviate(String text) {
        if (text == null || text.length() <= OUTPUT_LIMIT) {
            return text;
        }
        return text.substring(0, OUTPUT_LIMIT) + "\n… (truncated)";
    }
}
