package dev.orchwiz.projection.session;

import dev.orchwiz.api.session.InteractionType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of a session's timeline. */
@Entity
@Table(name = "session_interaction")
class SessionInteractionRow {

    @Id
    UUID id;

    @Column(name = "session_id", nullable = false)
    UUID sessionId;

    @Column(nullable = false)
    long sequence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    InteractionType type;

    @Column(nullable = false)
    String content;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> metadata;

    @Column(name = "by_user", nullable = false)
    String byUser;

    @Column(nullable = false)
    Instant at;

    protected SessionInteractionRow() {}
}
