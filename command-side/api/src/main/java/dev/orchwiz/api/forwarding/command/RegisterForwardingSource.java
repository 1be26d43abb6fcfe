package dev.orchwiz.api.forwarding.command;

import dev.orchwiz.api.forwarding.SourceKind;
import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code credential} is the base64 public key, or the sha-256 hex of the api key: never the api key itself;
 * {@code pullUrl} (optional) is where the origin serves signed pulls of the events a gap is missing.
 */
public record RegisterForwardingSource(
        @TargetAggregateIdentifier ForwardingSourceId sourceId,
        Actor actor,
        String nodeId,
        String name,
        SourceKind kind,
        String credential,
        String pullUrl) {

    /** A source that cannot be asked for what went missing (no {@code pullUrl}). */
    public RegisterForwardingSource(
            ForwardingSourceId sourceId, Actor actor, String nodeId, String name, SourceKind kind, String credential) {
        this(sourceId, actor, nodeId, name, kind, credential, null);
    }
}
