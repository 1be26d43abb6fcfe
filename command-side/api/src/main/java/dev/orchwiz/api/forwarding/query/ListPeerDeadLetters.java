package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.id.ForwardingPeerId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.PagedQuery;

public record ListPeerDeadLetters(Actor viewer, ForwardingPeerId peerId, int page, int size) implements PagedQuery {}
