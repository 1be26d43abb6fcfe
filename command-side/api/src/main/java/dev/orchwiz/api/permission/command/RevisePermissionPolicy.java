package dev.orchwiz.api.permission.command;

import dev.orchwiz.api.id.PermissionPolicyId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.PermissionPolicyDefinition;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevisePermissionPolicy(
        @TargetAggregateIdentifier PermissionPolicyId policyId,
        Actor actor,
        Long expectedVersion,
        PermissionPolicyDefinition definition) {}
