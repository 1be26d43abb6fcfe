package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends the run with the final answer of the model. */
public record CompleteRun(@TargetAggregateIdentifier RunId runId, String answer) {}
