package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.identity.Actor;

public record FindHook(Actor viewer, HookId hookId) {}
