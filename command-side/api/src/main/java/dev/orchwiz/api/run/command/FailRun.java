package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends the run without an answer. */
public record FailRun(@TargetAggregateIdentifier RunId runId, String code, String reason) {}
