package dev.orchwiz.api.toolcall.query;

import java.util.List;

public record ApprovalPage(List<ApprovalItem> items, int page, int size, long totalItems, int totalPages) {}
