package dev.orchwiz.projection.rows;

import dev.orchwiz.api.id.UuidId;
import dev.orchwiz.api.identity.Actor;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The one row a viewer asks for by id: empty when it does not exist and when the viewer may not see it alike. */
public final class VisibleRow {

    private VisibleRow() {}

    /**
     * Reads the first row {@code select} finds, given {@code :id} and the viewer's {@code :admin} and {@code :viewer}
     * (see {@link ViewerParameters}) for its visibility condition.
     */
    public static <T> Optional<T> find(
            NamedParameterJdbcTemplate jdbc, String select, Actor viewer, UuidId id, RowMapper<T> row) {
        return jdbc.query(select, ViewerParameters.of(viewer).addValue("id", id.value()), row).stream()
                .findFirst();
    }
}
