package dev.orchwiz.api.hook.query;

import java.util.List;

public record DueDeliveries(List<DueDelivery> deliveries) {}
