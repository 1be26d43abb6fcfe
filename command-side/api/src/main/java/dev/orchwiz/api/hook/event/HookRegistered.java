package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.UserId;

public record HookRegistered(HookId hookId, UserId ownerId, HookDefinition definition, UserId by) {}
