package dev.orchwiz.projection.account;

import dev.orchwiz.api.identity.SignupPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "node_settings")
class NodeSettingsRow {

    @Id
    String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "signup_policy", nullable = false)
    SignupPolicy signupPolicy = SignupPolicy.INVITE;

    @Column(name = "setup_complete", nullable = false)
    boolean setupComplete;

    protected NodeSettingsRow() {}

    NodeSettingsRow(String id) {
        this.id = id;
    }
}
