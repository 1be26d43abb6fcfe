package dev.orchwiz.api.hook.command;

import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterHook(@TargetAggregateIdentifier HookId hookId, Actor actor, HookDefinition definition) {}
