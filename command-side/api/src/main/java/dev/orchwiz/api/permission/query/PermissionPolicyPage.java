package dev.orchwiz.api.permission.query;

import java.util.List;

/** A slice of one user's policies and how many they have in all. */
public record PermissionPolicyPage(List<PermissionPolicyView> items, long totalItems) {}
