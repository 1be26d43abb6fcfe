package dev.orchwiz.projection.subagent;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.PolicyAssignment;
import dev.orchwiz.api.subagent.query.FindSubagent;
import dev.orchwiz.api.subagent.query.ListSubagents;
import dev.orchwiz.api.subagent.query.ListSubagentsWithPolicy;
import dev.orchwiz.api.subagent.query.SubagentNames;
import dev.orchwiz.api.subagent.query.SubagentPage;
import dev.orchwiz.api.subagent.query.SubagentView;
import dev.orchwiz.projection.jsonb.Jsonb;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.LikePattern;
import dev.orchwiz.projection.rows.RowPage;
import dev.orchwiz.projection.rows.ViewerParameters;
import dev.orchwiz.projection.rows.VisibleRow;
import dev.orchwiz.projection.rows.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers subagent questions: a viewer sees their own subagents and shared ones; admins see all. */
@Component
class SubagentQueries {

    private static final String VISIBLE = "(:admin or owner_id = :viewer or shared)";

    private final NamedParameterJdbcTemplate jdbc;

    SubagentQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<SubagentView> handle(FindSubagent query) {
        return VisibleRow.find(
                jdbc,
                "select * from subagent where id = :id and " + VISIBLE,
                query.viewer(),
                query.subagentId(),
                (rs, n) -> view(rs, query.viewer()));
    }

    @QueryHandler
    public SubagentPage handle(ListSubagents query) {
        Where where = new Where(VISIBLE, ViewerParameters.of(query.viewer()))
                .and(
                        "(lower(name) like :text or lower(coalesce(description, '')) like :text)",
                        "text",
                        LikePattern.search(query.text()));
        return RowPage.read(
                        jdbc,
                        "select count(*) from subagent" + where,
                        "select * from subagent" + where + " order by name, id",
                        where.parameters(),
                        query,
                        (rs, n) -> view(rs, query.viewer()))
                .answer(SubagentPage::new, query);
    }

    /** Only the owner's subagents: a policy can only be assigned to subagents of its own author. */
    @QueryHandler
    public SubagentNames handle(ListSubagentsWithPolicy query) {
        List<String> names = jdbc.queryForList(
                "select name from subagent where owner_id = :owner and policies @> cast(:assigned as jsonb)"
                        + " order by name",
                new MapSqlParameterSource()
                        .addValue("owner", query.ownerId().value())
                        .addValue("assigned", Jsonb.write(List.of(Map.of("policy", query.policy())))),
                String.class);
        return new SubagentNames(names);
    }

    private static SubagentView view(ResultSet rs, Actor viewer) throws SQLException {
        return new SubagentView(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("prompt"),
                Jsonb.readStrings(rs.getString("tools")),
                rs.getString("model"),
                Jsonb.readMap(rs.getString("settings")),
                rs.getBoolean("shared"),
                rs.getString("owner_id"),
                viewer.id().value().equals(rs.getString("owner_id")),
                Jsonb.read(rs.getString("policies"), new TypeReference<List<PolicyAssignment>>() {}),
                Jsonb.readStringMap(rs.getString("frontmatter")),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
