package dev.orchwiz.command.toolcall;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Claude Code tools the session modes single out, in one place so that plan mode and auto-accept cannot disagree
 * about which tool only reads and which one edits a file. Names are Claude Code's (field-anchors §3.3).
 */
final class ClaudeCodeTools {

    /**
     * Tools that only look: plan mode lets one run when a rule allows it, because running it changes no state.
     * WebSearch and WebFetch send a request out but change nothing the session owns, which is why Claude Code's plan
     * mode lets them run too. Bash is not here and never can be: whether a command changes state cannot be told from
     * its text, so plan mode asks for every command. An MCP tool is not here either: its name says nothing reliable
     * about what it does.
     */
    static final Set<String> READ_ONLY = Set.of("Read", "Glob", "Grep", "LS", "NotebookRead", "WebSearch", "WebFetch");

    /** Tools that write one file, named by their input: what auto-accept accepts inside the workspace. */
    static final Set<String> FILE_EDITS = Set.of("Edit", "Write", "MultiEdit", "NotebookEdit");

    private ClaudeCodeTools() {}

    static boolean isReadOnly(String tool) {
        return tool != null && READ_ONLY.contains(tool);
    }

    static boolean isFileEdit(String tool) {
        return tool != null && FILE_EDITS.contains(tool);
    }

    /**
     * The file an edit writes: {@code notebook_path} for NotebookEdit, {@code file_path} for the others, as Claude
     * Code's tools name it. No fallback to another key: a path the tool would not read is not the one it writes.
     */
    static Optional<String> editedPath(String tool, Map<String, Object> input) {
        if (!isFileEdit(tool) || input == null) {
            return Optional.empty();
        }
        Object path = input.get("NotebookEdit".equals(tool) ? "notebook_path" : "file_path");
        return path instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }
}
