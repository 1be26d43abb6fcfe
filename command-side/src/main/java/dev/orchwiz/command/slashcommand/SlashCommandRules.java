package dev.orchwiz.command.slashcommand;

import dev.orchwiz.api.slashcommand.SlashCommandDefinition;
import dev.orchwiz.api.slashcommand.SlashCommandError;
import dev.orchwiz.api.slashcommand.SlashCommandKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a valid command definition is: one place for the limits the API documents. */
final class SlashCommandRules {

    static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9:_-]{0,63}$");
    static final int DESCRIPTION = 1_000;
    static final int SCRIPT = 64 * 1024;
    static final int WORKING_DIRECTORY = 1_000;
    static final int ARGUMENT_HINT = 200;
    static final int MODEL = 200;
    static final int ALLOWED_TOOLS = 100;
    static final int FRONTMATTER_BYTES = 32 * 1024;

    private SlashCommandRules() {}

    static SlashCommandDefinition normalised(SlashCommandDefinition definition) {
        if (definition == null) {
            throw invalid("A command needs a definition");
        }
        String name = definition.name() == null ? "" : definition.name().trim();
        if (!NAME.matcher(name).matches()) {
            throw invalid("name must be 1-64 characters of a-z, 0-9, ':', '_' or '-', starting with a letter or digit");
        }
        if (definition.script() == null || definition.script().isBlank()) {
            throw invalid("script must not be blank");
        }
        if (definition.script().length() > SCRIPT) {
            throw invalid("script must be at most " + SCRIPT + " characters");
        }
        assertAtMost("description", definition.description(), DESCRIPTION);
        assertAtMost("workingDirectory", definition.workingDirectory(), WORKING_DIRECTORY);
        assertAtMost("argumentHint", definition.argumentHint(), ARGUMENT_HINT);
        assertAtMost("model", definition.model(), MODEL);
        List<String> tools = definition.allowedTools() == null ? List.of() : List.copyOf(definition.allowedTools());
        if (tools.size() > ALLOWED_TOOLS) {
            throw invalid("allowedTools may list at most " + ALLOWED_TOOLS + " tools");
        }
        Map<String, String> frontmatter =
                definition.frontmatter() == null ? Map.of() : new LinkedHashMap<>(definition.frontmatter());
        int frontmatterSize = frontmatter.entrySet().stream()
                .mapToInt(entry -> entry.getKey().length()
                        + (entry.getValue() == null ? 0 : entry.getValue().length()))
                .sum();
        if (frontmatterSize > FRONTMATTER_BYTES) {
            throw invalid("frontmatter must be at most " + FRONTMATTER_BYTES + " characters");
        }
        return new SlashCommandDefinition(
                name,
                blankToNull(definition.description()),
                definition.script(),
                blankToNull(definition.workingDirectory()),
                blankToNull(definition.argumentHint()),
                tools,
                blankToNull(definition.model()),
                definition.shared(),
                frontmatter,
                SlashCommandKind.orScript(definition.kind()));
    }

    private static void assertAtMost(String field, String value, int limit) {
        if (value != null && value.length() > limit) {
            throw invalid(field + " must be at most " + limit + " characters");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static SlashCommandRefusal invalid(String detail) {
        return new SlashCommandRefusal(SlashCommandError.INVALID_INPUT, detail);
    }
}
