package dev.orchwiz.projection.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "api_token")
class ApiTokenRow {

    @Id
    String id;

    @Column(name = "user_id", nullable = false)
    String userId;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String prefix;

    @Column(nullable = false)
    String hash;

    /** Wire names, comma separated. */
    @Column(nullable = false)
    String scopes;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    /** Written by the sign-in filter (at most once a minute per token), not by events: it is telemetry. */
    @Column(name = "last_used_at")
    Instant lastUsedAt;

    protected ApiTokenRow() {}

    ApiTokenRow(String id) {
        this.id = id;
    }
}
