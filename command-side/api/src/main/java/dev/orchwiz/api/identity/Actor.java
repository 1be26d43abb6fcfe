package dev.orchwiz.api.identity;

import dev.orchwiz.api.id.UserId;
import java.util.Objects;

/**
 * The principal on whose behalf a command is sent or a query is asked. Aggregates authorize against it; query
 * handlers scope their answers with it.
 */
public record Actor(UserId id, boolean admin) {

    /** The built-in operator a node acts as until sign-in is configured. */
    public static final Actor LOCAL_OPERATOR = new Actor(UserId.of("local-operator"), true);

    public Actor {
        Objects.requireNonNull(id, "id");
    }

    /** Whether this actor may read or change something owned by {@code owner}. */
    public boolean mayAccess(UserId owner) {
        return admin || id.equals(owner);
    }
}
