package dev.orchwiz.projection.session;

import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
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

/** One session as the lists and the detail page show it. */
@Entity
@Table(name = "session_summary")
class SessionRow {

    @Id
    UUID id;

    @Column(name = "owner_id", nullable = false)
    String ownerId;

    String title;
    String description;
    String prompt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    SessionStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    SessionMode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    SessionSource source;

    @Column(name = "project_name")
    String projectName;

    String branch;
    String environment;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> metadata;

    @Column(name = "parent_session_id")
    UUID parentSessionId;

    @Column(name = "interaction_count", nullable = false)
    long interactionCount;

    @Column(name = "fork_count", nullable = false)
    long forkCount;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "last_activity_at", nullable = false)
    Instant lastActivityAt;

    @Column(name = "completed_at")
    Instant completedAt;

    @Column(nullable = false)
    boolean archived;

    /** Readable by every signed-in user; only the owner (and admins) change it. */
    @Column(nullable = false)
    boolean shared;

    /** Sequence number of the last event applied: the aggregate version, and the guard against replays. */
    @Column(nullable = false)
    long version;

    protected SessionRow() {}
}
