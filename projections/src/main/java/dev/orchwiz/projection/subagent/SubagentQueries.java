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
import dev.orchwiz.projection.rows.RowPage;
import dev.orchwiz.projection.rows.ViewerParameters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
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
        MapSqlParameterSource parameters = ViewerParameters.of(query.viewer())
                .addValue("id", query.subagentId().value());
        return jdbc
                .query(
                        "select * from subagent where id = :id and " + VISIBLE,
                        parameters,
                        (rs, n) -> view(rs, query.viewer()))
                .stream()
                .findFirst();
    }

    @QueryHandler
    public SubagentPage handle(ListSubagents query) {
        MapSqlParameterSource parameters = ViewerParameters.of(query.viewer());
        String where = " where " + VISIBLE;
        if (query.text() != null && !query.text().isBlank()) {
            where += " and (lower(name) like :text or lower(coalesce(description, '')) like :text)";
            parameters.addValue(
                    "text",
                    "%"
                            + query.text()
                                    .trim()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        RowPage<SubagentView> rows = RowPage.read(
                jdbc,
                "select count(*) from subagent" + where,
                "select * from subagent" + where + " order by name, id",
                parameters,
                query.page(),
                query.size(),
                (rs, n) -> view(rs, query.viewer()));
        return new SubagentPage(rows.items(), query.page(), query.size(), rows.totalItems(), rows.totalPages());
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
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
