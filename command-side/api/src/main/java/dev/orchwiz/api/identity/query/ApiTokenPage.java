package dev.orchwiz.api.identity.query;

import java.util.List;

public record ApiTokenPage(List<ApiTokenView> items, int page, int size, long totalItems, int totalPages) {}
