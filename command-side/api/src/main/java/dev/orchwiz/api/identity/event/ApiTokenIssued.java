package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.Credential;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.TokenScope;
import java.time.Instant;
import java.util.Set;

/**
 * A token was issued. {@code hash} is the SHA-256 of a 256-bit random secret: it cannot be turned back into it, but it
 * is what a presented token is checked against, so it stays in the event store and the token read model only.
 */
public record ApiTokenIssued(
        UserId userId,
        String tokenId,
        String name,
        String prefix,
        @Credential String hash,
        Set<TokenScope> scopes,
        Instant expiresAt,
        UserId by) {}
