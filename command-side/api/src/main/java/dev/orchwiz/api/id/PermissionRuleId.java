package dev.orchwiz.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifies a stored permission rule; a UUID whose {@code toString()} is the raw value. */
public record PermissionRuleId(UUID value) implements UuidId {

    public PermissionRuleId {
        Objects.requireNonNull(value, "value");
    }

    public static PermissionRuleId random() {
        return new PermissionRuleId(UUID.randomUUID());
    }

    @JsonCreator
    public static PermissionRuleId of(String value) {
        return new PermissionRuleId(UUID.fromString(value));
    }

    /** Parses untrusted text (a path segment), answering empty for anything that is not a UUID. */
    public static Optional<PermissionRuleId> parse(String value) {
        return UuidId.parse(value, PermissionRuleId::new);
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
