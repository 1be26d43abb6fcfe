package dev.orchwiz.api.forwarding.query;

import java.util.List;

public record PeerDeadLetterPage(List<PeerDeadLetterView> items, int page, int size, long totalItems, int totalPages) {}
