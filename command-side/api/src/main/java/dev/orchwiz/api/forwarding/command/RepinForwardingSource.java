package dev.orchwiz.api.forwarding.command;

import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.identity.Actor;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Pins an origin's new public key after it rotated; its previous key keeps verifying until {@code previousValidUntil},
 * so batches the origin signed before it switched (or still signs with both keys) are not refused meanwhile.
 */
public record RepinForwardingSource(
        @TargetAggregateIdentifier ForwardingSourceId sourceId,
        Actor actor,
        String publicKey,
        Instant previousValidUntil) {}
