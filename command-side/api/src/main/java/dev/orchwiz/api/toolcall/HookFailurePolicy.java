package dev.orchwiz.api.toolcall;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.orchwiz.api.WireNamed;

/**
 * What a PreToolUse hook that cannot answer (undeliverable, timed out, a non-2xx answer, a command that fails) does to
 * the call: {@code block} it (the default: a guard that is down must not wave calls through) or {@code allow} it.
 */
public enum HookFailurePolicy implements WireNamed {
    @JsonProperty("block")
    BLOCK,
    @JsonProperty("allow")
    ALLOW;

    /** Hooks stored before the policy existed carry none; they get the default, which fails closed. */
    public static HookFailurePolicy orDefault(HookFailurePolicy policy) {
        return policy == null ? BLOCK : policy;
    }
}
