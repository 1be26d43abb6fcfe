package dev.orchwiz.command.claudecode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A frontmatter tool list ({@code allowed-tools}, {@code tools}), written either as a comma string or as a YAML list.
 */
final class ToolList {

    private ToolList() {}

    /** The rules of the list, or null when the key is absent or empty-valued (which means "inherit" to Claude Code). */
    static List<String> read(Frontmatter frontmatter, String key) {
        Object value = frontmatter.value(key).orElse(null);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> items) {
            return items.stream()
                    .filter(Objects::nonNull)
                    .map(item -> String.valueOf(item).strip())
                    .filter(item -> !item.isEmpty())
                    .toList();
        }
        return split(frontmatter.text(key).orElse(""));
    }

    /**
     * Writes the list in the style the frontmatter already uses for it: a YAML list stays a list, a comma string
     * (or a key not yet there) becomes a comma string, the style Claude Code's own docs use.
     */
    static Frontmatter write(Frontmatter frontmatter, String key, List<String> tools) {
        if (Objects.equals(read(frontmatter, key), tools)) {
            return frontmatter;
        }
        if (tools == null) {
            return frontmatter.with(key, null);
        }
        boolean wasList = frontmatter.value(key).orElse(null) instanceof List<?>;
        if (wasList || (tools.isEmpty() && !frontmatter.has(key))) {
            return frontmatter.with(key, List.copyOf(tools));
        }
        return frontmatter.with(key, String.join(", ", tools));
    }

    /** Splits at commas outside parentheses: in {@code Bash(a,b), Read} the first comma belongs to the rule. */
    static List<String> split(String text) {
        List<String> rules = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                addRule(rules, text.substring(start, i));
                start = i + 1;
            }
        }
        addRule(rules, text.substring(start));
        return List.copyOf(rules);
    }

    private static void addRule(List<String> rules, String rule) {
        String stripped = rule.strip();
        if (!stripped.isEmpty()) {
            rules.add(stripped);
        }
    }
}
