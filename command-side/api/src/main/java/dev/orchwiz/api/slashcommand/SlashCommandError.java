package dev.orchwiz.api.slashcommand;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.ErrorKind;

/** The ways a slash command request can be refused. */
public enum SlashCommandError implements ErrorCode {
    NOT_FOUND(ErrorKind.NOT_FOUND, "Slash command not found"),
    NAME_TAKEN(ErrorKind.CONFLICT, "You already have a command with this name"),
    READ_ONLY(ErrorKind.FORBIDDEN, "Shared with you read-only"),
    INVALID_INPUT(ErrorKind.INVALID, "Invalid slash command"),
    VERSION_MISMATCH(ErrorKind.STALE, "Slash command changed in the meantime");

    private final ErrorKind kind;
    private final String title;

    SlashCommandError(ErrorKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public String code() {
        return "SLASH_COMMAND_" + name();
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
