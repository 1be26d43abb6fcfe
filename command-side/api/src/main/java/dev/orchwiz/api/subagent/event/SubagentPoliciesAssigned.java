package dev.orchwiz.api.subagent.event;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.permission.PolicyAssignment;
import java.util.List;

public record SubagentPoliciesAssigned(SubagentId subagentId, List<PolicyAssignment> assignments, UserId by) {}
