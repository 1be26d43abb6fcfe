package dev.orchwiz.api.hook.command;

import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveHook(@TargetAggregateIdentifier HookId hookId, Actor actor) {}
