package dev.orchwiz.api.identity.query;

import java.util.List;

public record AccountPage(List<Account> items, int page, int size, long totalItems, int totalPages) {}
