package dev.orchwiz.command.subagent;

import dev.orchwiz.api.subagent.SubagentDefinition;
import dev.orchwiz.api.subagent.SubagentError;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a valid subagent definition is. Names follow Claude Code's agent names: lowercase words joined by hyphens. */
final class SubagentRules {

    static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
    static final int DESCRIPTION = 2_000;
    static final int PROMPT = 128 * 1024;
    static final int TOOLS = 100;

    private SubagentRules() {}

    static SubagentDefinition normalised(SubagentDefinition definition) {
        if (definition == null) {
            throw invalid("A subagent needs a definition");
        }
        String name = definition.name() == null ? "" : definition.name().trim();
        if (!NAME.matcher(name).matches()) {
            throw invalid("name must be 1-64 characters of a-z, 0-9, '_' or '-', starting with a letter or digit");
        }
        if (definition.description() != null && definition.description().length() > DESCRIPTION) {
            throw invalid("description must be at most " + DESCRIPTION + " characters");
        }
        if (definition.prompt() != null && definition.prompt().length() > PROMPT) {
            throw invalid("prompt must be at most " + PROMPT + " characters");
        }
        List<String> tools = definition.tools() == null ? List.of() : List.copyOf(definition.tools());
        if (tools.size() > TOOLS) {
            throw invalid("tools may list at most " + TOOLS + " tools");
        }
        return new SubagentDefinition(
                name,
                definition.description(),
                definition.prompt() == null ? "" : definition.prompt(),
                tools,
                definition.model() == null || definition.model().isBlank()
                        ? null
                        : definition.model().trim(),
                definition.settings() == null ? Map.of() : definition.settings(),
                definition.shared(),
                definition.frontmatter() == null ? Map.of() : definition.frontmatter());
    }

    private static SubagentRefusal invalid(String detail) {
        return new SubagentRefusal(SubagentError.INVALID_INPUT, detail);
    }
}
