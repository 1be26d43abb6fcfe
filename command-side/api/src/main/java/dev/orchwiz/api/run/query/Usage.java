package dev.orchwiz.api.run.query;

import java.util.List;

/** A usage report: one row per model, tool or day. */
public record Usage(UsageGrouping groupBy, int days, List<UsageRow> rows) {}
