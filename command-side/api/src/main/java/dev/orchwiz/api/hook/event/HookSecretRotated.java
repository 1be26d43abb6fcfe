package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.UserId;

public record HookSecretRotated(HookId hookId, UserId by) {}
