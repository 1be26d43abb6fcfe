package dev.orchwiz.projection.permission;

import dev.orchwiz.api.permission.PermissionPolicyDefinition;
import dev.orchwiz.api.permission.event.PermissionPolicyCreated;
import dev.orchwiz.api.permission.event.PermissionPolicyRemoved;
import dev.orchwiz.api.permission.event.PermissionPolicyRevised;
import dev.orchwiz.projection.jsonb.Jsonb;
import dev.orchwiz.projection.rows.VersionedRows;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Fills {@code permission_policy}; rows remember the aggregate sequence they applied, so a repeated event changes nothing. */
@Component
@ProcessingGroup(PermissionPolicyProjector.PROCESSING_GROUP)
class PermissionPolicyProjector {

    static final String PROCESSING_GROUP = "permission-policies";

    private static final String INSERT = """
            (id, owner_id, slug, title, description, rules, created_at, updated_at, version)
            values (:id, :owner, :slug, :title, :description, cast(:rules as jsonb), :at, :at, :version)""";

    private static final String REVISED = "title = :title, description = :description, rules = cast(:rules as jsonb)";

    private final VersionedRows rows;

    PermissionPolicyProjector(NamedParameterJdbcTemplate jdbc) {
        this.rows = new VersionedRows(jdbc, "permission_policy");
    }

    @EventHandler
    void on(PermissionPolicyCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.insertOwned(
                event.policyId(),
                event.ownerId(),
                at,
                sequence,
                INSERT,
                definition(event.definition()).addValue("slug", event.slug()));
    }

    @EventHandler
    void on(PermissionPolicyRevised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.revise(event.policyId().value(), sequence, at, REVISED, definition(event.definition()));
    }

    @EventHandler
    void on(PermissionPolicyRemoved event) {
        rows.delete(event.policyId().value());
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }

    private static MapSqlParameterSource definition(PermissionPolicyDefinition definition) {
        return new MapSqlParameterSource()
                .addValue("title", definition.title())
                .addValue("description", definition.description())
                .addValue("rules", Jsonb.write(definition.rules()));
    }
}
