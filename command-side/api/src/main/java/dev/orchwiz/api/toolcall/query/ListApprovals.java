package dev.orchwiz.api.toolcall.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

public record ListApprovals(Actor viewer, String status, int page, int size) implements PagedQuery {}
