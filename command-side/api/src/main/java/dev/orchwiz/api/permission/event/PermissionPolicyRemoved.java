package dev.orchwiz.api.permission.event;

import dev.orchwiz.api.id.PermissionPolicyId;
import dev.orchwiz.api.id.UserId;

public record PermissionPolicyRemoved(PermissionPolicyId policyId, String slug, UserId by) {}
