package dev.orchwiz.projection.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "invitation")
class InvitationRow {

    @Id
    String email;

    @Column(name = "invited_by", nullable = false)
    String invitedBy;

    @Column(name = "invited_at", nullable = false)
    Instant invitedAt;

    protected InvitationRow() {}

    InvitationRow(String email, String invitedBy, Instant invitedAt) {
        this.email = email;
        this.invitedBy = invitedBy;
        this.invitedAt = invitedAt;
    }
}
