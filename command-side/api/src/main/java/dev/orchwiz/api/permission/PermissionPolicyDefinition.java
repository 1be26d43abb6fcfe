package dev.orchwiz.api.permission;

import java.util.List;

/** What a user-written policy says; its slug is fixed at creation and lives beside it, not in it. */
public record PermissionPolicyDefinition(String title, String description, List<PermissionPolicyRule> rules) {}
