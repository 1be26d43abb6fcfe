package dev.orchwiz.projection.rows;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.id.UuidId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * One read-model table keyed by {@code id} whose rows remember the aggregate sequence they applied in {@code version}:
 * an insert ignores an id it already has and an update only moves a row forward, so an event delivered twice changes
 * nothing.
 */
public final class VersionedRows {

    private final NamedParameterJdbcTemplate jdbc;
    private final String table;

    public VersionedRows(NamedParameterJdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /**
     * Inserts the row of a thing just created by {@code owner}, adding the {@code :id}, {@code :owner}, {@code :at}
     * and {@code :version} parameters that {@code columnsAndValues} may use.
     */
    public void insertOwned(
            UuidId id, UserId owner, Instant at, long sequence, String columnsAndValues, MapSqlParameterSource row) {
        row.addValue("id", id.value())
                .addValue("owner", owner.value())
                .addValue("at", Timestamp.from(at))
                .addValue("version", sequence);
        insert(columnsAndValues, row);
    }

    /** Inserts a row unless its id is already there; {@code columnsAndValues} reads {@code (a, b) values (:a, :b)}. */
    public void insert(String columnsAndValues, MapSqlParameterSource row) {
        jdbc.update("insert into " + table + " " + columnsAndValues + " on conflict (id) do nothing", row);
    }

    /** Applies {@code assignments} and stamps {@code updated_at} with {@code at}, if the row has not seen this sequence. */
    public void revise(UUID id, long sequence, Instant at, String assignments, MapSqlParameterSource parameters) {
        update(id, sequence, assignments + ", updated_at = :at", parameters.addValue("at", Timestamp.from(at)));
    }

    /** Applies {@code assignments} to row {@code id}, if the row has not seen this sequence yet. */
    public void update(UUID id, long sequence, String assignments, MapSqlParameterSource parameters) {
        parameters.addValue("id", id).addValue("version", sequence);
        jdbc.update(
                "update " + table + " set " + assignments
                        + ", version = :version where id = :id and version < :version",
                parameters);
    }

    public void delete(UUID id) {
        jdbc.update("delete from " + table + " where id = :id", new MapSqlParameterSource("id", id));
    }

    /** Empties the table, for a replay of its processing group. */
    public void clear() {
        jdbc.getJdbcTemplate().update("delete from " + table);
    }
}
