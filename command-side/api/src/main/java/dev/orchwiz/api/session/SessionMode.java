package dev.orchwiz.api.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/**
 * How a session treats tool calls, as Claude Code's modes do: plan asks before anything that may change state (only a
 * read-only tool a rule allows runs), auto-accept runs what the rules allow and file edits inside the workspace.
 */
public enum SessionMode implements WireNamed {
    @JsonProperty("plan")
    PLAN,
    @JsonProperty("auto_accept")
    AUTO_ACCEPT;
}
