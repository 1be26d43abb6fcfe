package dev.orchwiz.api.identity.command;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.TokenScope;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issues a token; only its SHA-256 hash travels, the plaintext exists only in the HTTP answer. {@code issuingTokenId}
 * names the API token the request came with, {@code null} when a signed-in person asks: a token may only issue tokens
 * within its own scopes and lifetime.
 */
public record IssueApiToken(
        @TargetAggregateIdentifier UserId userId,
        Actor actor,
        String tokenId,
        String name,
        Set<TokenScope> scopes,
        Instant expiresAt,
        String prefix,
        String hash,
        String issuingTokenId) {}
