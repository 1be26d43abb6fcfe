package dev.orchwiz.api.toolcall.query;

import java.util.List;

public record ToolCallPage(List<ToolCallView> items, int page, int size, long totalItems, int totalPages) {}
