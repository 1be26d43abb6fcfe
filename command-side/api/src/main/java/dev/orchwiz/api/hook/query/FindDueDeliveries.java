package dev.orchwiz.api.hook.query;

import java.time.Instant;

public record FindDueDeliveries(Instant now, int limit) {}
