package dev.orchwiz.api.hook.command;

import dev.orchwiz.api.hook.HookId;

public record HookChanged(HookId hookId, long version) {}
