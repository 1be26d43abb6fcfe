package dev.orchwiz.api.run.query;

import dev.orchwiz.api.id.RunId;
import java.util.List;

public record RunsInFlight(List<RunId> runIds) {}
