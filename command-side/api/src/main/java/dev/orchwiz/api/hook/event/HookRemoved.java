package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.UserId;

public record HookRemoved(HookId hookId, UserId by) {}
