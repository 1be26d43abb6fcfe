package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

/** How many forwarded requests this node refused, per claimed origin, most refused first; admins only. */
public record ListInboundRefusals(Actor viewer, int page, int size) implements PagedQuery {}
