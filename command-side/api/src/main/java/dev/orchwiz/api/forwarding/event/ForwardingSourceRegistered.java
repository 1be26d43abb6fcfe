package dev.orchwiz.api.forwarding.event;

import dev.orchwiz.api.Credential;
import dev.orchwiz.api.forwarding.SourceKind;
import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.id.UserId;

/**
 * {@code credential}: the base64 public key, or the sha-256 hex of the api key (never the key itself); a guessable api
 * key could be found from its hash, so it never leaves the node either. {@code pullUrl} (added later, null in older
 * events) is where the origin serves signed pulls.
 */
public record ForwardingSourceRegistered(
        ForwardingSourceId sourceId,
        String nodeId,
        String name,
        SourceKind kind,
        @Credential String credential,
        UserId by,
        String pullUrl) {

    /** As registered before sources had a pull address (events stored then have none). */
    public ForwardingSourceRegistered(
            ForwardingSourceId sourceId, String nodeId, String name, SourceKind kind, String credential, UserId by) {
        this(sourceId, nodeId, name, kind, credential, by, null);
    }
}
