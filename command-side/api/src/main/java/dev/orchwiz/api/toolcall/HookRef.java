package dev.orchwiz.api.toolcall;

/**
 * A PreToolUse hook a call waits for, and what its failure does to the call. {@code onFailure} is {@code null} in
 * events stored before it existed and in verdicts (the call keeps the policy it was requested with).
 */
public record HookRef(String hookId, String name, HookFailurePolicy onFailure) {

    /** A reference that names the hook only, as a verdict does. */
    public static HookRef named(String hookId, String name) {
        return new HookRef(hookId, name, null);
    }
}
