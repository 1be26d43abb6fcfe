package dev.orchwiz.api.hook.command;

import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RotateHookSecret(@TargetAggregateIdentifier HookId hookId, Actor actor) {}
