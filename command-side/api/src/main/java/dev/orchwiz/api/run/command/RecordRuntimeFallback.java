package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the run left a failing runtime for the next in its chain. */
public record RecordRuntimeFallback(
        @TargetAggregateIdentifier RunId runId, String from, String to, String reason) {}
