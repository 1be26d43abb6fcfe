package dev.orchwiz.projection.slashcommand;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.slashcommand.query.FindSlashCommand;
import dev.orchwiz.api.slashcommand.query.ListSlashCommands;
import dev.orchwiz.api.slashcommand.query.SlashCommandPage;
import dev.orchwiz.api.slashcommand.query.SlashCommandSummary;
import dev.orchwiz.api.slashcommand.query.SlashCommandView;
import dev.orchwiz.projection.jsonb.Jsonb;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers slash command questions: a viewer sees their own commands, shared ones, and admins see all. */
@Component
class SlashCommandQueries {

    // Run counts come from the tool calls read model, so they follow runs without a second projection.
    private static final String SELECT = """
            select c.*, runs.run_count, runs.last_run_at, last_run.status as last_run_status
            from slash_command c
            left join lateral (select count(*) as run_count, max(t.requested_at) as last_run_at
                               from tool_call t where t.command_id = c.id) runs on true
            left join lateral (select t.status from tool_call t where t.command_id = c.id
                               order by t.requested_at desc limit 1) last_run on true
            """;

    private static final String VISIBLE = "(:admin or c.owner_id = :viewer or c.shared)";

    private final NamedParameterJdbcTemplate jdbc;

    SlashCommandQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<SlashCommandView> handle(FindSlashCommand query) {
        MapSqlParameterSource parameters =
                viewer(query.viewer()).addValue("id", query.commandId().value());
        return jdbc
                .query(SELECT + " where c.id = :id and " + VISIBLE, parameters, (rs, n) -> detail(rs, query.viewer()))
                .stream()
                .findFirst();
    }

    @QueryHandler
    public SlashCommandPage handle(ListSlashCommands query) {
        MapSqlParameterSource parameters = viewer(query.viewer())
                .addValue("limit", query.size())
                .addValue("offset", (long) query.page() * query.size());
        StringBuilder where = new StringBuilder(" where " + VISIBLE);
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" and (lower(c.name) like :text or lower(coalesce(c.description, '')) like :text)");
            parameters.addValue("text", "%" + escapeLike(query.text().trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (Boolean.TRUE.equals(query.shared())) {
            where.append(" and c.shared");
        }
        if (Boolean.TRUE.equals(query.mine())) {
            where.append(" and c.owner_id = :viewer");
        }
        Long total = jdbc.queryForObject("select count(*) from slash_command c" + where, parameters, Long.class);
        List<SlashCommandSummary> items = jdbc.query(
                SELECT + where + " order by c.name, c.id limit :limit offset :offset",
                parameters,
                (rs, n) -> summary(rs, query.viewer()));
        long totalItems = total == null ? 0 : total;
        int totalPages = (int) ((totalItems + query.size() - 1) / query.size());
        return new SlashCommandPage(items, query.page(), query.size(), totalItems, totalPages);
    }

    private static MapSqlParameterSource viewer(Actor viewer) {
        return new MapSqlParameterSource()
                .addValue("admin", viewer.admin())
                .addValue("viewer", viewer.id().value());
    }

    private static SlashCommandSummary summary(ResultSet rs, Actor viewer) throws SQLException {
        return new SlashCommandSummary(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("argument_hint"),
                rs.getString("working_directory"),
                rs.getBoolean("shared"),
                rs.getString("owner_id"),
                viewer.id().value().equals(rs.getString("owner_id")),
                rs.getLong("run_count"),
                instant(rs, "last_run_at"),
                lower(rs.getString("last_run_status")),
                instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    private static SlashCommandView detail(ResultSet rs, Actor viewer) throws SQLException {
        return new SlashCommandView(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("script"),
                rs.getString("working_directory"),
                rs.getString("argument_hint"),
                Jsonb.readStrings(rs.getString("allowed_tools")),
                rs.getString("model"),
                rs.getBoolean("shared"),
                rs.getString("owner_id"),
                viewer.id().value().equals(rs.getString("owner_id")),
                Jsonb.readStringMap(rs.getString("frontmatter")),
                rs.getLong("run_count"),
                instant(rs, "last_run_at"),
                lower(rs.getString("last_run_status")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
