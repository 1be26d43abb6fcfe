package dev.orchwiz.api.permission.query;

import java.util.List;

/** The stored rules that may decide one call; policies come with the subagent. */
public record ApplicableRules(List<PermissionRuleView> rules) {}
