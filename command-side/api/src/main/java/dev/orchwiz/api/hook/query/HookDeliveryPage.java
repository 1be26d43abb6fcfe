package dev.orchwiz.api.hook.query;

import java.util.List;

public record HookDeliveryPage(List<HookDeliveryView> items, int page, int size, long totalItems, int totalPages) {}
