package dev.orchwiz.api.subagent.command;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.PolicyAssignment;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignSubagentPolicies(
        @TargetAggregateIdentifier SubagentId subagentId, Actor actor, List<PolicyAssignment> assignments) {}
