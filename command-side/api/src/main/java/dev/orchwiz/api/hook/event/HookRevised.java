package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.hook.HookId;
import dev.orchwiz.api.identity.UserId;

public record HookRevised(HookId hookId, HookDefinition definition, UserId by) {}
