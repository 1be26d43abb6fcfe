package dev.orchwiz.api.permission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a user-written permission policy; a UUID whose {@code toString()} is the raw value. */
public record PermissionPolicyId(UUID value) {

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

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
