package dev.orchwiz.api.hook.command;

import dev.orchwiz.api.hook.HookId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RotateHookSecret(@TargetAggregateIdentifier HookId hookId, Actor actor) {}
