package dev.orchwiz.api.forwarding;

import dev.orchwiz.api.WireNamed;

/** How a source proves what it sends: an ed25519 public key (batches), or a shared api key (the original's format). */
public enum SourceKind implements WireNamed {
    PUBLIC_KEY,
    API_KEY
}
