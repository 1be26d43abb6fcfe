package dev.orchwiz.api.permission.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.permission.PermissionPolicyDefinition;
import dev.orchwiz.api.permission.PermissionPolicyId;

public record PermissionPolicyRevised(PermissionPolicyId policyId, PermissionPolicyDefinition definition, UserId by) {}
