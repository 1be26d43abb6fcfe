package dev.orchwiz.api.permission.query;

import java.util.List;

public record PermissionRulePage(List<PermissionRuleView> items, int page, int size, long totalItems, int totalPages) {}
