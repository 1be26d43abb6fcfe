package dev.orchwiz.api.session.query;

import java.util.List;

public record SessionInteractionPage(
        List<SessionInteraction> items, int page, int size, long totalItems, int totalPages) {}
