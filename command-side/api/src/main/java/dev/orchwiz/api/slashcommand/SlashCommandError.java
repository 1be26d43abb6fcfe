package dev.orchwiz.api.slashcommand;

import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.ListedError;

/** The ways a slash command request can be refused. */
public enum SlashCommandError implements ListedError {
    NOT_FOUND(ErrorKind.NOT_FOUND, "Slash command not found"),
    NAME_TAKEN(ErrorKind.CONFLICT, "You already have a command with this name"),
    READ_ONLY(ErrorKind.FORBIDDEN, "Shared with you read-only"),
    INVALID_INPUT(ErrorKind.INVALID, "Invalid slash command"),
    VERSION_MISMATCH(ErrorKind.STALE, "Slash command changed in the meantime");

    private final Definition definition;

    SlashCommandError(ErrorKind kind, String title) {
        definition = new Definition("SLASH_COMMAND_" + name(), kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
