package dev.orchwiz.api.toolcall.query;

import dev.orchwiz.api.identity.Actor;

public record ListApprovals(Actor viewer, String status, int page, int size) {}
