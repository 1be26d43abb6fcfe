package dev.orchwiz.projection.rows;

import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** The one row a question names by its key: the first row {@code select} finds, or none. */
public final class SingleRow {

    private SingleRow() {}

    public static <T> Optional<T> find(
            NamedParameterJdbcTemplate jdbc, String select, SqlParameterSource parameters, RowMapper<T> row) {
        return jdbc.query(select, parameters, row).stream().findFirst();
    }
}
