package dev.orchwiz.command.subagent;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.subagent.SubagentError;
import dev.orchwiz.api.subagent.query.FindSubagent;
import dev.orchwiz.api.subagent.query.SubagentView;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * A subagent as a caller sees it, for the contexts that act as one (tool calls, runs); published by the subagent
 * context so that they depend on it and never the reverse.
 */
@Component
public class VisibleSubagents {

    private final QueryGateway queries;

    VisibleSubagents(QueryGateway queries) {
        this.queries = queries;
    }

    /** Throws a 404 refusal ({@code SUBAGENT_NOT_FOUND}) for a subagent the caller cannot see or that does not exist. */
    public SubagentView describe(Actor actor, SubagentId subagentId) {
        Optional<SubagentView> found = queries.query(
                        new FindSubagent(actor, subagentId), ResponseTypes.optionalInstanceOf(SubagentView.class))
                .join();
        return found.orElseThrow(() -> new SubagentRefusal(SubagentError.NOT_FOUND, "No subagent " + subagentId));
    }
}
