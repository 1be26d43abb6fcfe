package dev.orchwiz.command.ownership;

import dev.orchwiz.api.id.UserId;
import org.axonframework.messaging.MetaData;

/** The metadata every owned event carries: the SSE stream shows members only events whose owner they are. */
public final class Owned {

    public static final String OWNER_METADATA = "ownerId";

    private Owned() {}

    public static MetaData by(UserId owner) {
        return MetaData.with(OWNER_METADATA, owner.value());
    }
}
