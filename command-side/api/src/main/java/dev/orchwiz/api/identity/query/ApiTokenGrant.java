package dev.orchwiz.api.identity.query;

import dev.orchwiz.api.identity.TokenScope;
import java.time.Instant;
import java.util.Set;

/**
 * What a presented token grants: whose it is (with the account, so a request costs one look-up), its scopes, and
 * whether it still holds.
 */
public record ApiTokenGrant(
        String tokenId, String userId, Set<TokenScope> scopes, Instant expiresAt, boolean revoked, Account holder) {}
