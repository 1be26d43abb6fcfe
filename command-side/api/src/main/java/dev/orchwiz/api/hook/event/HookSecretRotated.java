package dev.orchwiz.api.hook.event;

import dev.orchwiz.api.hook.HookId;
import dev.orchwiz.api.identity.UserId;

public record HookSecretRotated(HookId hookId, UserId by) {}
