package dev.orchwiz.api.identity.query;

import dev.orchwiz.api.identity.TokenScope;
import java.time.Instant;
import java.util.Set;

/** A token as its owner sees it: never the secret, only its first characters. */
public record ApiTokenView(
        String id,
        String name,
        String prefix,
        Set<TokenScope> scopes,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt) {}
