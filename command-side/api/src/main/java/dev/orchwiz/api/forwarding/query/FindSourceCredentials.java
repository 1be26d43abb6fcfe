package dev.orchwiz.api.forwarding.query;

import dev.orchwiz.api.forwarding.SourceKind;

/** What an enabled origin's requests are checked against; asked only by the inbound side, never answered over HTTP. */
public record FindSourceCredentials(String nodeId, SourceKind kind) {}
