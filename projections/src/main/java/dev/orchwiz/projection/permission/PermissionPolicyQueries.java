package dev.orchwiz.projection.permission;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orchwiz.api.permission.PermissionPolicyRule;
import dev.orchwiz.api.permission.query.FindPermissionPolicy;
import dev.orchwiz.api.permission.query.ListPermissionPolicies;
import dev.orchwiz.api.permission.query.ListPermissionPoliciesBySlug;
import dev.orchwiz.api.permission.query.PermissionPolicies;
import dev.orchwiz.api.permission.query.PermissionPolicyPage;
import dev.orchwiz.api.permission.query.PermissionPolicyView;
import dev.orchwiz.projection.jsonb.Jsonb;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers policy questions, always under one owner: a policy is only ever seen, changed or applied by its author, so
 * no query here can return someone else's, admins included.
 */
@Component
class PermissionPolicyQueries {

    private static final TypeReference<List<PermissionPolicyRule>> RULES = new TypeReference<>() {};

    private final NamedParameterJdbcTemplate jdbc;

    PermissionPolicyQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<PermissionPolicyView> handle(FindPermissionPolicy query) {
        return jdbc
                .query(
                        "select * from permission_policy where owner_id = :owner and slug = :slug",
                        new MapSqlParameterSource()
                                .addValue("owner", query.ownerId().value())
                                .addValue("slug", query.slug()),
                        (rs, n) -> view(rs))
                .stream()
                .findFirst();
    }

    @QueryHandler
    public PermissionPolicyPage handle(ListPermissionPolicies query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("owner", query.ownerId().value())
                .addValue("limit", Math.max(0, query.limit()))
                .addValue("offset", Math.max(0, query.offset()));
        Long total = jdbc.queryForObject(
                "select count(*) from permission_policy where owner_id = :owner", parameters, Long.class);
        List<PermissionPolicyView> items = jdbc.query(
                "select * from permission_policy where owner_id = :owner order by slug, id limit :limit offset :offset",
                parameters,
                (rs, n) -> view(rs));
        return new PermissionPolicyPage(items, total == null ? 0 : total);
    }

    @QueryHandler
    public PermissionPolicies handle(ListPermissionPoliciesBySlug query) {
        if (query.slugs() == null || query.slugs().isEmpty()) {
            return new PermissionPolicies(List.of());
        }
        List<PermissionPolicyView> policies = jdbc.query(
                "select * from permission_policy where owner_id = :owner and slug in (:slugs) order by slug, id",
                new MapSqlParameterSource()
                        .addValue("owner", query.ownerId().value())
                        .addValue("slugs", query.slugs()),
                (rs, n) -> view(rs));
        return new PermissionPolicies(policies);
    }

    private static PermissionPolicyView view(ResultSet rs) throws SQLException {
        return new PermissionPolicyView(
                rs.getString("id"),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("description"),
                Jsonb.read(rs.getString("rules"), RULES),
                rs.getString("owner_id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
