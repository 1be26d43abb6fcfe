package dev.orchwiz.command.permission;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a permission check knows about one tool call: the tool, its input as the runtime sent it, and the directories
 * that relative paths and path rules are anchored to. Directories are absolute paths or {@code null} when unknown; a
 * rule that needs an unknown one does not match.
 */
public record ToolCallFacts(
        String tool, Map<String, Object> input, String workingDirectory, String projectRoot, String homeDirectory) {

    public ToolCallFacts {
        // A copy that tolerates null values: tool input is arbitrary JSON, and JSON has nulls.
        input = input == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(input));
    }

    /**
     * An input field as text when it is a string, number or boolean; empty when it is missing, null or structured, so
     * that odd input never matches a rule instead of failing the check.
     */
    Optional<String> text(String field) {
        Object value = input.get(field);
        if (value instanceof String string) {
            return Optional.of(string);
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
            return Optional.of(String.valueOf(value));
        }
        return Optional.empty();
    }

    /** The first of the fields that has a text value. */
    Optional<String> firstText(String... fields) {
        for (String field : fields) {
            Optional<String> value = text(field);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
