package dev.orchwiz.api.slashcommand.query;

import java.util.List;

public record SlashCommandPage(List<SlashCommandSummary> items, int page, int size, long totalItems, int totalPages) {}
