package dev.orchwiz.api.permission.event;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.permission.PermissionRuleId;

public record PermissionRuleRemoved(PermissionRuleId ruleId, UserId by) {}
