package dev.orchwiz.api.session.command;

/**
 * A field a revision sets; {@code value} may be null to clear it. A null {@code FieldChange} leaves the field as it
 * is, which is how a JSON merge patch tells "absent" from "null".
 */
public record FieldChange<T>(T value) {

    public static <T> FieldChange<T> to(T value) {
        return new FieldChange<>(value);
    }
}
