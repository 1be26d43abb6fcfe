package dev.orchwiz.api.identity.command;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.SignInMethod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A failed sign-in on a known account; recorded at most a few times a minute so failures cannot flood the store. */
public record RecordSignInFailure(@TargetAggregateIdentifier UserId userId, SignInMethod method, String reason) {}
