package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.hook.HookId;
import dev.orchwiz.api.identity.UserId;

public record HookRegistered(HookId hookId, UserId ownerId, HookDefinition definition, UserId by) {}
