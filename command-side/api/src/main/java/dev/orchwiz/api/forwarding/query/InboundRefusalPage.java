package dev.orchwiz.api.forwarding.query;

import java.util.List;

public record InboundRefusalPage(List<InboundRefusalView> items, int page, int size, long totalItems, int totalPages) {}
