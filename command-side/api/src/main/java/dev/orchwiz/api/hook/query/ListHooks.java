package dev.orchwiz.api.hook.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

public record ListHooks(Actor viewer, int page, int size) implements PagedQuery {}
