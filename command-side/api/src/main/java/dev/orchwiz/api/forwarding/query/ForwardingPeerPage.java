package dev.orchwiz.api.forwarding.query;

import java.util.List;

public record ForwardingPeerPage(List<ForwardingPeerView> items, int page, int size, long totalItems, int totalPages) {}
