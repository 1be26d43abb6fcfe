package dev.orchwiz.api.session.query;

import java.util.List;

public record SessionPage(List<SessionSummary> items, int page, int size, long totalItems, int totalPages) {}
