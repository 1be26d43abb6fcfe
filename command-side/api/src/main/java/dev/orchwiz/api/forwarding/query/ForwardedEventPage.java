package dev.orchwiz.api.forwarding.query;

import java.util.List;

public record ForwardedEventPage(List<ForwardedEventView> items, int page, int size, long totalItems, int totalPages) {}
