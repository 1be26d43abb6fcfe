package dev.orchwiz.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a user-written permission policy; a UUID whose {@code toString()} is the raw value. */
public record PermissionPolicyId(UUID value) implements UuidId {

    public PermissionPolicyId {
        Objects.requireNonNull(value, "value");
    }

    public static PermissionPolicyId random() {
        return new PermissionPolicyId(UUID.randomUUID());
    }

    @JsonCreator
    public static PermissionPolicyId of(String value) {
        return new PermissionPolicyId(UUID.fromString(value));
    }

    /** Parses untrusted text (a path segment), answering empty for anything that is not a UUID. */
    public static Optional<PermissionPolicyId> parse(String value) {
        return UuidId.parse(value, PermissionPolicyId::new);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
