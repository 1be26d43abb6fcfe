package dev.orchwiz.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** The stable identifier of a user. */
public record UserId(String value) {

    public UserId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 100) {
            throw new IllegalArgumentException("a user id has 1 to 100 characters");
        }
    }

    @JsonCreator
    public static UserId of(String value) {
        return new UserId(value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
