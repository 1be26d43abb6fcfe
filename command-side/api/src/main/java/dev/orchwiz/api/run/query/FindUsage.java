package dev.orchwiz.api.run.query;

import dev.orchwiz.api.identity.Actor;

/** Usage, cost and latency of the viewer's runs (every run for an admin) over the last {@code days}, grouped. */
public record FindUsage(Actor viewer, UsageGrouping groupBy, int days) {}
