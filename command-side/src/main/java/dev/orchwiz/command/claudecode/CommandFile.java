package dev.orchwiz.command.claudecode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A Claude Code slash command, {@code .claude/commands/**}{@code /*.md}.
 *
 * <p>The fields are the truth: {@link #render()} writes each field into the frontmatter where it differs from what
 * the frontmatter says, and leaves every other byte alone. A {@code null} field means the key is absent. The name is
 * not part of the file; Claude Code derives it from the path.
 */
public record CommandFile(
        String name,
        String description,
        String argumentHint,
        List<String> allowedTools,
        String model,
        String body,
        Frontmatter frontmatter) {

    public static final String DESCRIPTION = "description";
    public static final String ARGUMENT_HINT = "argument-hint";
    public static final String ALLOWED_TOOLS = "allowed-tools";
    public static final String MODEL = "model";

    /** The frontmatter keys that have fields; every other key is carried along in {@link #frontmatter()}. */
    public static final Set<String> KNOWN_KEYS = Set.of(DESCRIPTION, ARGUMENT_HINT, ALLOWED_TOOLS, MODEL);

    public CommandFile {
        allowedTools = allowedTools == null ? null : List.copyOf(allowedTools);
        body = Objects.requireNonNullElse(body, "");
        frontmatter = Objects.requireNonNullElse(frontmatter, Frontmatter.empty());
    }

    /**
     * Reads a command file. The name comes from the path below the last {@code commands} directory, subdirectories
     * becoming namespaces: {@code .claude/commands/git/commit.md} is {@code git:commit}; without a {@code commands}
     * directory only the file name counts.
     */
    public static CommandFile parse(String path, String content) {
        String name = nameFromPath(path);
        MarkdownFile file = MarkdownFile.parse(path, content);
        Frontmatter frontmatter = file.frontmatter();
        return new CommandFile(
                name,
                frontmatter.text(DESCRIPTION).orElse(null),
                frontmatter.text(ARGUMENT_HINT).orElse(null),
                ToolList.read(frontmatter, ALLOWED_TOOLS),
                frontmatter.text(MODEL).orElse(null),
                file.body(),
                frontmatter);
    }

    /** The frontmatter (original raw text for unchanged keys) and the body, byte for byte. */
    public String render() {
        return new MarkdownFile(syncedFrontmatter(), body).render();
    }

    /**
     * A copy with new field values; only the keys whose value changes are rewritten, in their old style (a comma
     * string of tools stays a comma string, a YAML list stays a list).
     */
    public CommandFile withFields(
            String description, String argumentHint, List<String> allowedTools, String model, String body) {
        CommandFile changed = new CommandFile(name, description, argumentHint, allowedTools, model, body, frontmatter);
        return new CommandFile(name, description, argumentHint, allowedTools, model, body, changed.syncedFrontmatter());
    }

    private Frontmatter syncedFrontmatter() {
        Frontmatter synced = frontmatter.withText(DESCRIPTION, description).withText(ARGUMENT_HINT, argumentHint);
        return ToolList.write(synced, ALLOWED_TOOLS, allowedTools).withText(MODEL, model);
    }

    static String nameFromPath(String path) {
        if (path == null || path.isBlank()) {
            throw new ClaudeCodeFileInvalid(path, 0, "a command file needs a path to take its name from");
        }
        List<String> segments = new ArrayList<>(List.of(path.replace('\\', '/').split("/")));
        segments.removeIf(String::isBlank);
        int commands = segments.lastIndexOf("commands");
        List<String> nameSegments = commands >= 0 && commands < segments.size() - 1
                ? segments.subList(commands + 1, segments.size())
                : segments.subList(Math.max(segments.size() - 1, 0), segments.size());
        if (nameSegments.isEmpty()) {
            throw new ClaudeCodeFileInvalid(path, 0, "a command file path must name a file");
        }
        String joined = String.join(":", nameSegments);
        String name =
                joined.toLowerCase(Locale.ROOT).endsWith(".md") ? joined.substring(0, joined.length() - 3) : joined;
        if (name.isBlank() || name.endsWith(":")) {
            throw new ClaudeCodeFileInvalid(path, 0, "a command file path must name a file");
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
