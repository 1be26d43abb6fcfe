package dev.orchwiz.api.forwarding.event;

import dev.orchwiz.api.forwarding.SourceKind;
import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.id.UserId;

/** {@code credential}: the base64 public key, or the sha-256 hex of the api key (never the key itself). */
public record ForwardingSourceRegistered(
        ForwardingSourceId sourceId, String nodeId, String name, SourceKind kind, String credential, UserId by) {}
