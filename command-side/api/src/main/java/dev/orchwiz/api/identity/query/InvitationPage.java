package dev.orchwiz.api.identity.query;

import java.util.List;

public record InvitationPage(List<Invitation> items, int page, int size, long totalItems, int totalPages) {}
