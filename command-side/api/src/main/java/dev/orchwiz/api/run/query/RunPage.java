package dev.orchwiz.api.run.query;

import java.util.List;

public record RunPage(List<RunView> items, int page, int size, long totalItems, int totalPages) {}
