package dev.orchwiz.api.permission;

import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.ListedError;

/** The ways a permission rule or policy request can be refused. */
public enum PermissionError implements ListedError {
    RULE_INVALID(ErrorKind.INVALID, "Not a valid permission rule"),
    RULE_NOT_FOUND(ErrorKind.NOT_FOUND, "Permission rule not found"),
    GLOBAL_ADMIN_ONLY(ErrorKind.FORBIDDEN, "Only admins write global rules"),
    TARGET_REQUIRED(ErrorKind.INVALID, "The scope needs a subagent or session"),
    POLICY_NOT_FOUND(ErrorKind.NOT_FOUND, "Permission policy not found"),
    POLICY_INVALID(ErrorKind.INVALID, "Not a valid permission policy"),
    POLICY_SLUG_TAKEN(ErrorKind.CONFLICT, "This policy slug is already in use"),
    POLICY_BUILT_IN(ErrorKind.FORBIDDEN, "Built-in policies cannot be changed"),
    POLICY_IN_USE(ErrorKind.CONFLICT, "The policy is assigned to subagents"),
    POLICY_VERSION_MISMATCH(ErrorKind.STALE, "Permission policy changed in the meantime");

    private final Definition definition;

    PermissionError(ErrorKind kind, String title) {
        definition = new Definition("PERMISSION_" + name(), kind, title);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
