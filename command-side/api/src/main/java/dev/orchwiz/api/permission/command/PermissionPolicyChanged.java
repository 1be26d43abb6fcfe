package dev.orchwiz.api.permission.command;

import dev.orchwiz.api.id.PermissionPolicyId;

/** The answer to a policy write: the version the next {@code If-Match} names. */
public record PermissionPolicyChanged(PermissionPolicyId policyId, long version) {}
