package dev.orchwiz.projection.permission;

import dev.orchwiz.api.permission.PermissionPolicyDefinition;
import dev.orchwiz.api.permission.event.PermissionPolicyCreated;
import dev.orchwiz.api.permission.event.PermissionPolicyRemoved;
import dev.orchwiz.api.permission.event.PermissionPolicyRevised;
import dev.orchwiz.projection.jsonb.Jsonb;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Fills {@code permission_policy}; rows remember the aggregate sequence they applied, so a repeated event changes nothing. */
@Component
@ProcessingGroup(PermissionPolicyProjector.PROCESSING_GROUP)
class PermissionPolicyProjector {

    static final String PROCESSING_GROUP = "permission-policies";

    private final NamedParameterJdbcTemplate jdbc;

    PermissionPolicyProjector(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            PermissionPolicyCreated event,
            @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                insert into permission_policy (id, owner_id, slug, title, description, rules, created_at, updated_at,
                    version)
                values (:id, :owner, :slug, :title, :description, cast(:rules as jsonb), :at, :at, :version)
                on conflict (id) do nothing
                """,
                definition(event.definition())
                        .addValue("id", event.policyId().value())
                        .addValue("owner", event.ownerId().value())
                        .addValue("slug", event.slug())
                        .addValue("at", Timestamp.from(at))
                        .addValue("version", sequence));
    }

    @EventHandler
    void on(
            PermissionPolicyRevised event,
            @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update(
                """
                update permission_policy set title = :title, description = :description, rules = cast(:rules as jsonb),
                    updated_at = :at, version = :version
                where id = :id and version < :version
                """,
                definition(event.definition())
                        .addValue("id", event.policyId().value())
                        .addValue("at", Timestamp.from(at))
                        .addValue("version", sequence));
    }

    @EventHandler
    void on(PermissionPolicyRemoved event) {
        jdbc.update(
                "delete from permission_policy where id = :id",
                new MapSqlParameterSource("id", event.policyId().value()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("delete from permission_policy");
    }

    private static MapSqlParameterSource definition(PermissionPolicyDefinition definition) {
        return new MapSqlParameterSource()
                .addValue("title", definition.title())
                .addValue("description", definition.description())
                .addValue("rules", Jsonb.write(definition.rules()));
    }
}
