package dev.orchwiz.projection.rows;

import dev.orchwiz.api.id.UuidId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Converts column values whose JDBC type is not the read model's type, both ways. */
public final class Columns {

    private Columns() {}

    /** A {@code timestamptz} column as an instant; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The name to store for an optional enum constant; null stays null. */
    public static String name(Enum<?> constant) {
        return constant == null ? null : constant.name();
    }

    /** The UUID to store for an optional typed id; null stays null. */
    public static UUID uuid(UuidId id) {
        return id == null ? null : id.value();
    }
}
