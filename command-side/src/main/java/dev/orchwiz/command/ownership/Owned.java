package dev.orchwiz.command.ownership;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.OwnerMetaData;
import org.axonframework.messaging.MetaData;

/** The metadata every owned event carries: the SSE stream shows members only events whose owner they are. */
public final class Owned {

    private Owned() {}

    public static MetaData by(UserId owner) {
        return MetaData.with(OwnerMetaData.KEY, owner.value());
    }
}
