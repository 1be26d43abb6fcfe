package dev.orchwiz.projection.slashcommand;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.slashcommand.query.FindSlashCommand;
import dev.orchwiz.api.slashcommand.query.ListSlashCommands;
import dev.orchwiz.api.slashcommand.query.SlashCommandPage;
import dev.orchwiz.api.slashcommand.query.SlashCommandSummary;
import dev.orchwiz.api.slashcommand.query.SlashCommandView;
import dev.orchwiz.projection.jsonb.Jsonb;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.LikePattern;
import dev.orchwiz.projection.rows.RowPage;
import dev.orchwiz.projection.rows.ViewerParameters;
import dev.orchwiz.projection.rows.VisibleRow;
import dev.orchwiz.projection.rows.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
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
        return VisibleRow.find(
                jdbc,
                SELECT + " where c.id = :id and " + VISIBLE,
                query.viewer(),
                query.commandId(),
                (rs, n) -> detail(rs, query.viewer()));
    }

    @QueryHandler
    public SlashCommandPage handle(ListSlashCommands query) {
        Where where = new Where(VISIBLE, ViewerParameters.of(query.viewer()))
                .and(
                        "(lower(c.name) like :text or lower(coalesce(c.description, '')) like :text)",
                        "text",
                        LikePattern.search(query.text()))
                .and("c.shared", Boolean.TRUE.equals(query.shared()))
                .and("c.owner_id = :viewer", Boolean.TRUE.equals(query.mine()));
        return RowPage.read(
                        jdbc,
                        "select count(*) from slash_command c" + where,
                        SELECT + where + " order by c.name, c.id",
                        where.parameters(),
                        query,
                        (rs, n) -> summary(rs, query.viewer()))
                .answer(SlashCommandPage::new, query);
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
                Columns.instant(rs, "last_run_at"),
                lower(rs.getString("last_run_status")),
                Columns.instant(rs, "updated_at"),
                rs.getLong("version"),
                rs.getString("kind"));
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
                Columns.instant(rs, "last_run_at"),
                lower(rs.getString("last_run_status")),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                rs.getLong("version"),
                rs.getString("kind"));
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
