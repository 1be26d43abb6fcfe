package dev.orchwiz.projection.rows;

import dev.orchwiz.api.identity.Actor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** Who is asking, as the {@code :admin} and {@code :viewer} parameters a read model's visibility condition uses. */
public final class ViewerParameters {

    private ViewerParameters() {}

    public static MapSqlParameterSource of(Actor viewer) {
        return new MapSqlParameterSource()
                .addValue("admin", viewer.admin())
                .addValue("viewer", viewer.id().value());
    }
}
