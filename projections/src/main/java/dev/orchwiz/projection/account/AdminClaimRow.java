package dev.orchwiz.projection.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "admin_claim")
class AdminClaimRow {

    @Id
    String email;

    @Column(name = "claimed_at", nullable = false)
    Instant claimedAt;

    protected AdminClaimRow() {}

    AdminClaimRow(String email, Instant claimedAt) {
        this.email = email;
        this.claimedAt = claimedAt;
    }
}
