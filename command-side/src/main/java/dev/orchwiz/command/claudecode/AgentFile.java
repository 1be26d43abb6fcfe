package dev.orchwiz.command.claudecode;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A Claude Code subagent, {@code .claude/agents/*.md}: frontmatter plus the system prompt as the body.
 *
 * <p>The fields are the truth: {@link #render()} writes each field into the frontmatter where it differs from what
 * the frontmatter says, and leaves every other byte alone. A {@code null} field means the key is absent. Claude Code
 * requires {@code name}, so a file that took its name from the file name gains a {@code name:} line when rendered.
 */
public record AgentFile(
        String name, String description, List<String> tools, String model, String prompt, Frontmatter frontmatter) {

    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String TOOLS = "tools";
    public static final String MODEL = "model";

    /** The frontmatter keys that have fields; every other key is carried along in {@link #frontmatter()}. */
    public static final Set<String> KNOWN_KEYS = Set.of(NAME, DESCRIPTION, TOOLS, MODEL);

    public AgentFile {
        tools = tools == null ? null : List.copyOf(tools);
        prompt = Objects.requireNonNullElse(prompt, "");
        frontmatter = Objects.requireNonNullElse(frontmatter, Frontmatter.empty());
    }

    /** Reads an agent file; the name is the frontmatter {@code name}, else the file name without {@code .md}. */
    public static AgentFile parse(String path, String content) {
        MarkdownFile file = MarkdownFile.parse(path, content);
        Frontmatter frontmatter = file.frontmatter();
        String name = frontmatter.text(NAME).orElseGet(() -> nameFromPath(path));
        return new AgentFile(
                name,
                frontmatter.text(DESCRIPTION).orElse(null),
                ToolList.read(frontmatter, TOOLS),
                frontmatter.text(MODEL).orElse(null),
                file.body(),
                frontmatter);
    }

    /** The frontmatter (original raw text for unchanged keys) and the prompt, byte for byte. */
    public String render() {
        return new MarkdownFile(syncedFrontmatter(), prompt).render();
    }

    /**
     * A copy with new field values; only the keys whose value changes are rewritten, in their old style (a comma
     * string of tools stays a comma string, a YAML list stays a list).
     */
    public AgentFile withFields(String name, String description, List<String> tools, String model, String prompt) {
        AgentFile changed = new AgentFile(name, description, tools, model, prompt, frontmatter);
        return new AgentFile(name, description, tools, model, prompt, changed.syncedFrontmatter());
    }

    private Frontmatter syncedFrontmatter() {
        Frontmatter synced = frontmatter.withText(NAME, name).withText(DESCRIPTION, description);
        return ToolList.write(synced, TOOLS, tools).withText(MODEL, model);
    }

    private static String nameFromPath(String path) {
        if (path == null || path.isBlank()) {
            throw new ClaudeCodeFileInvalid(path, 0, "an agent file without a 'name' key needs a path to take it from");
        }
        String normalized = path.replace('\\', '/');
        String fileName = normalized.substring(normalized.lastIndexOf('/') + 1);
        String name = fileName.toLowerCase(Locale.ROOT).endsWith(".md")
                ? fileName.substring(0, fileName.length() - 3)
                : fileName;
        if (name.isBlank()) {
            throw new ClaudeCodeFileInvalid(path, 0, "an agent file path must name a file");
        }
        return name;
    }
}
