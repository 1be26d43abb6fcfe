package dev.orchwiz.api.permission.command;

import dev.orchwiz.api.id.PermissionRuleId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemovePermissionRule(
        @TargetAggregateIdentifier PermissionRuleId ruleId, Actor actor) {}
