package dev.orchwiz.api.identity.command;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a passkey; the last one only with {@code confirmed}, since sign-in then works by email link alone. */
public record RemovePasskey(
        @TargetAggregateIdentifier UserId userId, Actor actor, String credentialId, boolean confirmed) {}
