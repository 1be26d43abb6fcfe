package dev.orchwiz.command.subagent;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.subagent.query.ListSubagentsWithPolicy;
import dev.orchwiz.api.subagent.query.SubagentNames;
import dev.orchwiz.command.permission.PolicyUsers;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** The subagents that have a policy assigned, from the subagent read model. */
@Component
class SubagentPolicyUsers implements PolicyUsers {

    private final QueryGateway queries;

    SubagentPolicyUsers(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    public List<String> of(UserId owner, String policySlug) {
        return queries.query(
                        new ListSubagentsWithPolicy(owner, policySlug), ResponseTypes.instanceOf(SubagentNames.class))
                .join()
                .names();
    }
}
