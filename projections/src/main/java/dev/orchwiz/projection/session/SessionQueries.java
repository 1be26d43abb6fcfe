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
import java.util.ArrayList;
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

    /** A forwarded session's status in this node's words, or null where the origin's has no counterpart here. */
    private static final String FORWARDED_STATUS = """
            case lower(f.status) when 'planning' then 'PLANNING' when 'executing' then 'EXECUTING'
                when 'running' then 'EXECUTING' when 'active' then 'EXECUTING' when 'paused' then 'PAUSED'
                when 'completed' then 'COMPLETED' when 'failed' then 'FAILED' end""";

    /** This node's sessions in the columns both kinds of row share. */
    private static final String LOCAL_ROWS = """
            select id::text as id, title, description, status, mode, source, project_name, branch, environment,
                   parent_session_id::text as parent_session_id, owner_id, interaction_count, created_at,
                   last_activity_at, completed_at, version, shared, 'local' as source_node_id,
                   null::text as source_node_name
            from session_summary""";

    /** Forwarded sessions in the same columns; what the origin did not forward is null. */
    private static final String FORWARDED_ROWS =
            "select f.session_id as id, f.title, null::text as description, " + FORWARDED_STATUS + """
             as status,
                   null::text as mode, null::text as source, null::text as project_name, null::text as branch,
                   null::text as environment, null::text as parent_session_id, null::text as owner_id,
                   f.event_count as interaction_count, f.first_event_at as created_at,
                   f.last_event_at as last_activity_at, null::timestamptz as completed_at, 0::bigint as version,
                   false as shared, f.origin as source_node_id, src.name as source_node_name
            from forwarded_session f left join forwarding_source src on src.node_id = f.origin""";

    private final NamedParameterJdbcTemplate jdbc;

    SessionQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public SessionPage handle(ListSessions query) {
        MapSqlParameterSource parameters = ViewerParameters.of(query.viewer());
        if (query.wantsForwarded()) {
            return withForwarded(query, parameters);
        }
        StringBuilder where = new StringBuilder(" where ").append(VISIBLE);
        int unfiltered = where.length();
        appendLocalFilters(query, where, parameters);
        boolean filtered = where.length() > unfiltered;
        RowPage<SessionSummary> rows = RowPage.read(
                jdbc,
                // Unfiltered, the list (the dashboard's first page) reads the maintained counts; a filtered one counts.
                filtered ? "select count(*) from session_summary" + where : SessionCounts.VISIBLE,
                "select * from session_summary" + where + " order by last_activity_at desc, created_at desc, id",
                parameters,
                query,
                (rs, n) -> summary(rs));
        return rows.answer(SessionPage::new, query);
    }

    /**
     * Local and forwarded sessions in one order. Forwarded rows come from {@code forwarded_session}, which the
     * forwarding inbox folds one row per remote session in the transaction that takes the events in; their statuses
     * are the origin's words, mapped to this node's where they mean the same. A filter on what only local sessions
     * have (mode, source) leaves forwarded rows out.
     */
    private SessionPage withForwarded(ListSessions query, MapSqlParameterSource parameters) {
        List<String> parts = new ArrayList<>();
        if (query.wantsLocal()) {
            StringBuilder where = new StringBuilder(" where ").append(VISIBLE);
            appendLocalFilters(query, where, parameters);
            parts.add(LOCAL_ROWS + where);
        }
        if (query.mode() == null && query.source() == null) {
            StringBuilder where = new StringBuilder(" where coalesce(f.status, '') <> 'archived'");
            if (query.sourceNodeId() != null) {
                where.append(" and f.origin = :origin");
                parameters.addValue("origin", query.sourceNodeId());
            }
            if (query.statuses() != null && !query.statuses().isEmpty()) {
                where.append(" and " + FORWARDED_STATUS + " in (:statuses)");
                parameters.addValue(
                        "statuses", query.statuses().stream().map(Enum::name).toList());
            }
            if (query.text() != null && !query.text().isBlank()) {
                where.append(" and lower(f.title) like :text escape '\\'");
                parameters.addValue("text", LikePattern.contains(query.text()));
            }
            parts.add(FORWARDED_ROWS + where);
        }
        if (parts.isEmpty()) {
            return new SessionPage(List.of(), query.page(), query.size(), 0, 0);
        }
        String rows = "(" + String.join(" union all ", parts) + ") listed";
        RowPage<SessionSummary> page = RowPage.read(
                jdbc,
                "select count(*) from " + rows,
                "select * from " + rows + " order by last_activity_at desc, created_at desc, source_node_id, id",
                parameters,
                query,
                (rs, n) -> listed(rs));
        return page.answer(SessionPage::new, query);
    }

    private static void appendLocalFilters(ListSessions query, StringBuilder where, MapSqlParameterSource parameters) {
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
                    query,
                    (rs, n) -> interaction(rs));
            return rows.answer(SessionInteractionPage::new, query);
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
        return summary(rs, ListSessions.LOCAL, null);
    }

    /** A row of the local and forwarded list, which names its source in columns of its own. */
    private static SessionSummary listed(ResultSet rs) throws SQLException {
        return summary(rs, rs.getString("source_node_id"), rs.getString("source_node_name"));
    }

    private static SessionSummary summary(ResultSet rs, String sourceNodeId, String sourceNodeName)
            throws SQLException {
        return new SessionSummary(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("description"),
                named(SessionStatus.class, rs.getString("status")),
                named(SessionMode.class, rs.getString("mode")),
                named(SessionSource.class, rs.getString("source")),
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
                rs.getBoolean("shared"),
                sourceNodeId,
                sourceNodeName);
    }

    /** A column's enum; null for a forwarded row, which has no value there. */
    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
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
