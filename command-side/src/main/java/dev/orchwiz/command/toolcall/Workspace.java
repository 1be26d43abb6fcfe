package dev.orchwiz.command.toolcall;

import dev.orchwiz.command.redaction.OutputRedaction;
import java.util.Arrays;
import java.util.List;

/**
 * A call's workspace, its working directory, and whether a path an edit names lies inside it. The judgement is lexical
 * and deliberately narrow, because a path judged inside is edited without asking in auto-accept: a path is inside when
 * it is relative, or absolute and under the working directory, and has no {@code ..} segment at all. {@code ..} is
 * refused rather than normalised away because {@code ws/link/../x} normalises to {@code ws/x} while the file system
 * follows {@code link} first and lands wherever it points. Symbolic links without {@code ..} are not looked at: the
 * file may live on another machine (a runtime's), and reading this node's disk would judge the wrong tree.
 */
record Workspace(String workingDirectory) {

    /** What the redaction puts in place of a secret: a path holding it is not the path the tool will write. */
    private static final String REDACTED = OutputRedaction.MASK;

    boolean contains(String path) {
        if (path == null || path.isBlank() || !plain(path)) {
            return false;
        }
        if (!path.startsWith("/")) {
            // ~ is the home directory to a shell and to Claude Code's rules, not a folder of the workspace; and a path
            // that names no file (".", "./") is the workspace itself.
            return !path.startsWith("~") && !segments(path).isEmpty();
        }
        if (workingDirectory == null || !workingDirectory.startsWith("/") || !plain(workingDirectory)) {
            return false;
        }
        List<String> root = segments(workingDirectory);
        List<String> file = segments(path);
        // The file system root is no workspace: under it, every absolute path would be "inside".
        return !root.isEmpty()
                && file.size() > root.size()
                && file.subList(0, root.size()).equals(root);
    }

    /**
     * Whether the text can be judged at all: no {@code ..} segment, no redaction mask, no control character (a NUL
     * ends the path early in C), and nothing Windows-shaped ({@code C:\…}, {@code \\server\…}), which a Linux reading
     * would take for one relative name.
     */
    private static boolean plain(String text) {
        if (text.contains(REDACTED) || text.indexOf('\\') >= 0 || text.matches("^[A-Za-z]:.*")) {
            return false;
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        return segments(text).stream().noneMatch(".."::equals);
    }

    /** The path's names, with empty and {@code .} segments dropped (repeated slashes and {@code ./} change nothing). */
    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/"))
                .filter(segment -> !segment.isEmpty() && !segment.equals("."))
                .toList();
    }
}
