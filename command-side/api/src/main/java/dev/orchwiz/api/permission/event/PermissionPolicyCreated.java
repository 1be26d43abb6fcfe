package dev.orchwiz.api.permission.event;

import dev.orchwiz.api.id.PermissionPolicyId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.permission.PermissionPolicyDefinition;

public record PermissionPolicyCreated(
        PermissionPolicyId policyId, UserId ownerId, String slug, PermissionPolicyDefinition definition, UserId by) {}
