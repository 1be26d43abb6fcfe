package dev.orchwiz.api.forwarding.event;

import dev.orchwiz.api.Credential;
import dev.orchwiz.api.forwarding.SourceKind;
import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.id.UserId;

/**
 * {@code credential}: the base64 public key, or the sha-256 hex of the api key (never the key itself); a guessable api
 * key could be found from its hash, so it never leaves the node either.
 */
public record ForwardingSourceRegistered(
        ForwardingSourceId sourceId,
        String nodeId,
        String name,
        SourceKind kind,
        @Credential String credential,
        UserId by) {}
