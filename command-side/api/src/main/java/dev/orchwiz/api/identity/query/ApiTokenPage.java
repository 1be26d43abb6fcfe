package dev.orchwiz.api.identity.query;

import java.util.List;

public record ApiTokenPage(List<ApiTokenSummary> items, int page, int size, long totalItems, int totalPages) {}
