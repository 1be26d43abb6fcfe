package dev.orchwiz.api.subagent.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.permission.PolicyAssignment;
import dev.orchwiz.api.subagent.SubagentId;
import java.util.List;

public record SubagentPoliciesAssigned(SubagentId subagentId, List<PolicyAssignment> assignments, UserId by) {}
