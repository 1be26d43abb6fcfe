package dev.orchwiz.api.identity.event;

import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.UserId;
import java.time.Instant;
import java.util.Set;

/** A token was issued. {@code hash} is the SHA-256 of a 256-bit random secret: it cannot be turned back into it. */
public record ApiTokenIssued(
        UserId userId,
        String tokenId,
        String name,
        String prefix,
        String hash,
        Set<TokenScope> scopes,
        Instant expiresAt,
        UserId by) {}
