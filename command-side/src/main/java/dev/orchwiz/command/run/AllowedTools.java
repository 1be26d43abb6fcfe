package dev.orchwiz.command.run;

import java.util.List;

/**
 * A run's {@code allowed-tools} (a prompt command's frontmatter), read at the tool's name: {@code Bash(git diff:*)}
 * allows {@code Bash}, {@code mcp__github} every tool of that server. An empty list allows every tool. A specifier
 * narrows nothing here: every call still passes the node's permission rules, which read specifiers.
 */
record AllowedTools(List<String> entries) {

    AllowedTools {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    boolean permits(String tool) {
        if (entries.isEmpty()) {
            return true;
        }
        if (tool == null) {
            return false;
        }
        return entries.stream()
                .map(AllowedTools::toolName)
                .anyMatch(name -> name.equals(tool) || (name.startsWith("mcp__") && tool.startsWith(name + "__")));
    }

    private static String toolName(String entry) {
        String trimmed = entry == null ? "" : entry.strip();
        int open = trimmed.indexOf('(');
        return (open < 0 ? trimmed : trimmed.substring(0, open)).strip();
    }

    /** What the model is told when it asks for a tool the run does not allow. */
    String refusal(String tool) {
        return "The tool " + tool + " is not allowed in this run; allowed: " + String.join(", ", entries);
    }
}
