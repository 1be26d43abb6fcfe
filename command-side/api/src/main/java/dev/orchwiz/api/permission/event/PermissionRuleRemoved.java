package dev.orchwiz.api.permission.event;

import dev.orchwiz.api.id.PermissionRuleId;
import dev.orchwiz.api.id.UserId;

public record PermissionRuleRemoved(PermissionRuleId ruleId, UserId by) {}
