package dev.orchwiz.api.forwarding.query;

import java.util.List;

public record ForwardingSourcePage(
        List<ForwardingSourceView> items, int page, int size, long totalItems, int totalPages) {}
