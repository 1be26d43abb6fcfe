package dev.orchwiz.api.forwarding.query;

import java.util.List;

public record ForwardedSessionPage(
        List<ForwardedSessionSummary> items, int page, int size, long totalItems, int totalPages) {}
