package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.identity.Actor;

public record FindForwardingSource(Actor viewer, ForwardingSourceId sourceId) {}
