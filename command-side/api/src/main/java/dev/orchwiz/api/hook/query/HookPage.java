package dev.orchwiz.api.hook.query;

import java.util.List;

public record HookPage(List<HookView> items, int page, int size, long totalItems, int totalPages) {}
