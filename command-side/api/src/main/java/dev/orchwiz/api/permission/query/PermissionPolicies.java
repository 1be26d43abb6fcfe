package dev.orchwiz.api.permission.query;

import java.util.List;

public record PermissionPolicies(List<PermissionPolicyView> policies) {}
