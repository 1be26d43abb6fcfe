package dev.orchwiz.projection.rows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Reads column values whose JDBC getter does not give the read model's type directly. */
public final class Columns {

    private Columns() {}

    /** A {@code timestamptz} column as an instant; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
