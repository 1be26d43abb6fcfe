package dev.orchwiz.api.permission.query;

import dev.orchwiz.api.permission.PermissionPolicyRule;
import java.time.Instant;
import java.util.List;

public record PermissionPolicyView(
        String id,
        String slug,
        String title,
        String description,
        List<PermissionPolicyRule> rules,
        String ownerId,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
