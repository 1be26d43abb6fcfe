package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.UserId;

public record HookRevised(HookId hookId, HookDefinition definition, UserId by) {}
