package dev.orchwiz.command.permission;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.permission.RuleScope;

/**
 * Where a candidate rule comes from, narrowest first. The declaration order is the tie-break order of {@link
 * PermissionEvaluator}: among rules with the same outcome, the one written closest to the call decides.
 */
public enum RuleSource implements WireNamed {
    SESSION,
    SUBAGENT,
    POLICY,
    USER,
    GLOBAL;

    /** The source of a stored rule of that scope (policies are not stored rules, so no scope maps to them). */
    public static RuleSource of(RuleScope scope) {
        return switch (scope) {
            case SESSION -> SESSION;
            case SUBAGENT -> SUBAGENT;
            case USER -> USER;
            case GLOBAL -> GLOBAL;
        };
    }
}
