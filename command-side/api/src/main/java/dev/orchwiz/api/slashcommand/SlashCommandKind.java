package dev.orchwiz.api.slashcommand;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/**
 * What running a command means: a {@code script} is one shell command line (a {@code Bash} tool call), a
 * {@code prompt} is a Claude Code prompt template the session's agent runs. Definitions stored before kinds existed
 * carry none and are scripts.
 */
public enum SlashCommandKind implements WireNamed {
    @JsonProperty("script")
    SCRIPT,
    @JsonProperty("prompt")
    PROMPT;

    /** A missing kind (an event written before kinds existed) is a script. */
    public static SlashCommandKind orScript(SlashCommandKind kind) {
        return kind == null ? SCRIPT : kind;
    }
}
