package dev.orchwiz.api.run.command;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.run.ToolResult;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends the run without an answer. The tool results that had settled for the step it failed in ({@code results}) are
 * recorded first, so the run keeps what its tools did even though no model call took them.
 */
public record FailRun(@TargetAggregateIdentifier RunId runId, String code, String reason, List<ToolResult> results) {

    public FailRun {
        results = results == null ? List.of() : List.copyOf(results);
    }

    public FailRun(RunId runId, String code, String reason) {
        this(runId, code, reason, List.of());
    }
}
