package dev.orchwiz.api.subagent.query;

import java.util.List;

public record SubagentPage(List<SubagentView> items, int page, int size, long totalItems, int totalPages) {}
