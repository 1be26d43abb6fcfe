package dev.orchwiz.command.claudecode;

/**
 * A Claude Code file that cannot be read without guessing. The message names the file, the line (when known) and
 * the problem, because it is shown to the user who has to fix the file.
 */
public final class ClaudeCodeFileInvalid extends RuntimeException {

    private final String path;
    private final int line;
    private final String problem;

    public ClaudeCodeFileInvalid(String path, int line, String problem) {
        this(path, line, problem, null);
    }

    public ClaudeCodeFileInvalid(String path, int line, String problem, Throwable cause) {
        super(describe(path, line, problem), cause);
        this.path = path;
        this.line = line;
        this.problem = problem;
    }

    /** The file as the caller named it, or null when the content came without a path. */
    public String path() {
        return path;
    }

    /** The 1-based line of the problem, or 0 when the problem is not tied to a line (e.g. a JSON path). */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }

    private static String describe(String path, int line, String problem) {
        String where = path == null || path.isBlank() ? "Claude Code file" : path;
        return line > 0 ? where + " line " + line + ": " + problem : where + ": " + problem;
    }
}
