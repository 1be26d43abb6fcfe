package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops the run on request of a person. */
public record CancelRun(@TargetAggregateIdentifier RunId runId, Actor actor) {}
