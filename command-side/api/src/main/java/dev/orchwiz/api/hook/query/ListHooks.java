package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.identity.Actor;

public record ListHooks(Actor viewer, int page, int size) {}
