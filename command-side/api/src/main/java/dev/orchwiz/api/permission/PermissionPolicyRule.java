package dev.orchwiz.api.permission;

import dev.orchwiz.api.toolcall.PermissionOutcome;

/** One line of a permission policy: a rule in Claude Code syntax and what it says about a matching call. */
public record PermissionPolicyRule(String rule, PermissionOutcome outcome) {}
