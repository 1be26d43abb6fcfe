package dev.orchwiz.api.permission.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.permission.PermissionPolicyId;

public record PermissionPolicyRemoved(PermissionPolicyId policyId, String slug, UserId by) {}
