package dev.orchwiz.api.hook.command;

import dev.orchwiz.api.id.HookId;

public record HookChanged(HookId hookId, long version) {}
