package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

public record ListHookDeliveries(Actor viewer, HookId hookId, int page, int size) implements PagedQuery {}
