package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a coalesced chunk of streamed model output. */
public record RecordAssistantOutput(
        @TargetAggregateIdentifier RunId runId, int step, String text) {}
