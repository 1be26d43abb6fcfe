package dev.orchwiz.projection.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "user_account")
class AccountRow {

    @Id
    String id;

    @Column(nullable = false)
    String email;

    @Column(name = "display_name")
    String displayName;

    @Column(nullable = false)
    boolean admin;

    @Column(name = "email_verified", nullable = false)
    boolean emailVerified;

    @Column(name = "github_login")
    String githubLogin;

    @Column(name = "github_user_id")
    Long githubUserId;

    @Column(nullable = false)
    int passkeys;

    @Column(name = "session_epoch", nullable = false)
    long sessionEpoch;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected AccountRow() {}

    AccountRow(String id) {
        this.id = id;
    }
}
