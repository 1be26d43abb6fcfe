package dev.orchwiz.projection.session;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.InteractionType;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
import dev.orchwiz.api.session.query.FindSession;
import dev.orchwiz.api.session.query.ListSessionInteractions;
import dev.orchwiz.api.session.query.ListSessions;
import dev.orchwiz.api.session.query.SessionInteraction;
import dev.orchwiz.api.session.query.SessionInteractionPage;
import dev.orchwiz.api.session.query.SessionPage;
import dev.orchwiz.api.session.query.SessionSummary;
import dev.orchwiz.api.session.query.SessionView;
import dev.orchwiz.projection.jsonb.Jsonb;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.LikePattern;
import dev.orchwiz.projection.rows.RowPage;
import dev.orchwiz.projection.rows.ViewerParameters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers session questions from the read model, never showing a viewer what is not theirs. */
@Component
class SessionQueries {

    /** What a viewer may see: their own sessions and shared ones (admins: all), never archived ones. */
    private static final String VISIBLE = "not archived and (:admin or owner_id = :viewer or shared)";

    /** The timeline the detail page opens with: the latest 100 entries, oldest first. */
    private static final String LATEST_INTERACTIONS = """
            select latest.*, (select u.email from user_account u where u.id = latest.by_user) as by_email
            from (select * from session_interaction where session_id = :id order by sequence desc limit 100) latest
            order by sequence
            """;

    private final NamedParameterJdbcTemplate jdbc;

    SessionQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public SessionPage handle(ListSessions query) {
        MapSqlParameterSource parameters = ViewerParameters.of(query.viewer());
        StringBuilder where = new StringBuilder(" where ").append(VISIBLE);
        int unfiltered = where.length();
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            where.append(" and status in (:statuses)");
            parameters.addValue(
                    "statuses", query.statuses().stream().map(Enum::name).toList());
        }
        if (query.mode() != null) {
            where.append(" and mode = :mode");
            parameters.addValue("mode", query.mode().name());
        }
        if (query.source() != null) {
            where.append(" and source = :source");
            parameters.addValue("source", query.source().name());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (lower(title) like :text escape '\\' or lower(description) like :text escape '\\'"
                    + " or lower(project_name) like :text escape '\\' or lower(branch) like :text escape '\\')");
            parameters.addValue("text", LikePattern.contains(query.text()));
        }
        boolean filtered = where.length() > unfiltered;
        RowPage<SessionSummary> rows = RowPage.read(
                jdbc,
                // Unfiltered, the list (the dashboard's first page) reads the maintained counts; a filtered one counts.
                filtered ? "select count(*) from session_summary" + where : SessionCounts.VISIBLE,
                "select * from session_summary" + where + " order by last_activity_at desc, created_at desc, id",
                parameters,
                query.page(),
                query.size(),
                (rs, n) -> summary(rs));
        return rows.answer(SessionPage::new, query.page(), query.size());
    }

    @QueryHandler
    public Optional<SessionView> handle(FindSession query) {
        UUID id = query.sessionId().value();
        // The row first, then its timeline: the projector writes both in one transaction, so the timeline read
        // after the row holds every interaction up to the row's version (what read-your-writes waits for).
        return jdbc
                .query(
                        "select s.*, (select u.email from user_account u where u.id = s.owner_id) as owner_email"
                                + " from session_summary s where id = :id and " + VISIBLE,
                        ViewerParameters.of(query.viewer()).addValue("id", id),
                        (rs, n) -> detail(rs))
                .stream()
                .findFirst()
                .map(withTimeline -> withTimeline.apply(interactions(id)));
    }

    @QueryHandler
    public Optional<SessionInteractionPage> handle(ListSessionInteractions query) {
        return visible(query.viewer(), query.sessionId().value()).map(id -> {
            RowPage<SessionInteraction> rows = RowPage.read(
                    jdbc,
                    "select count(*) from session_interaction where session_id = :id",
                    "select i.*, (select u.email from user_account u where u.id = i.by_user) as by_email"
                            + " from session_interaction i where session_id = :id order by sequence",
                    new MapSqlParameterSource("id", id),
                    query.page(),
                    query.size(),
                    (rs, n) -> interaction(rs));
            return rows.answer(SessionInteractionPage::new, query.page(), query.size());
        });
    }

    private Optional<UUID> visible(Actor viewer, UUID id) {
        return jdbc
                .queryForList(
                        "select id from session_summary where id = :id and " + VISIBLE,
                        ViewerParameters.of(viewer).addValue("id", id),
                        UUID.class)
                .stream()
                .findFirst();
    }

    private List<SessionInteraction> interactions(UUID sessionId) {
        return jdbc.query(LATEST_INTERACTIONS, new MapSqlParameterSource("id", sessionId), (rs, n) -> interaction(rs));
    }

    /** The detail is the summary's columns and three more, completed by the timeline once the row is read. */
    private static Function<List<SessionInteraction>, SessionView> detail(ResultSet rs) throws SQLException {
        SessionSummary summary = summary(rs);
        String prompt = rs.getString("prompt");
        Map<String, Object> metadata = Jsonb.readMap(rs.getString("metadata"));
        long forkCount = rs.getLong("fork_count");
        String ownerName = rs.getString("owner_email");
        return latest -> new SessionView(
                summary.id(),
                summary.title(),
                summary.description(),
                prompt,
                summary.status(),
                summary.mode(),
                summary.source(),
                summary.projectName(),
                summary.branch(),
                summary.environment(),
                metadata,
                summary.parentSessionId(),
                summary.ownerId(),
                ownerName,
                summary.interactionCount(),
                forkCount,
                summary.createdAt(),
                summary.lastActivityAt(),
                summary.completedAt(),
                summary.version(),
                latest,
                summary.shared());
    }

    private static SessionSummary summary(ResultSet rs) throws SQLException {
        return new SessionSummary(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("description"),
                SessionStatus.valueOf(rs.getString("status")),
                SessionMode.valueOf(rs.getString("mode")),
                SessionSource.valueOf(rs.getString("source")),
                rs.getString("project_name"),
                rs.getString("branch"),
                rs.getString("environment"),
                rs.getString("parent_session_id"),
                rs.getString("owner_id"),
                rs.getLong("interaction_count"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "last_activity_at"),
                Columns.instant(rs, "completed_at"),
                rs.getLong("version"),
                rs.getBoolean("shared"));
    }

    private static SessionInteraction interaction(ResultSet rs) throws SQLException {
        return new SessionInteraction(
                rs.getString("id"),
                rs.getLong("sequence"),
                InteractionType.valueOf(rs.getString("type")),
                rs.getString("content"),
                Jsonb.readMap(rs.getString("metadata")),
                rs.getString("by_user"),
                rs.getString("by_email"),
                Columns.instant(rs, "at"));
    }
}
