package dev.orchwiz.api.permission.command;

import dev.orchwiz.api.id.PermissionPolicyId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemovePermissionPolicy(
        @TargetAggregateIdentifier PermissionPolicyId policyId, Actor actor) {}
