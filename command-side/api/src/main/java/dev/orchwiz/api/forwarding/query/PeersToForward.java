package dev.orchwiz.api.forwarding.query;

import java.util.List;

public record PeersToForward(List<PeerTarget> peers) {}
