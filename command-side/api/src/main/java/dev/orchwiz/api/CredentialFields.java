package dev.orchwiz.api;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The fields of an event class marked {@link Credential}, which every reader of raw events drops before they leave. */
public final class CredentialFields {

    private static final Map<Class<?>, Set<String>> KNOWN = new ConcurrentHashMap<>();

    private CredentialFields() {}

    /** The record components of {@code type} marked {@link Credential}; none for a class that is not a record. */
    public static Set<String> of(Class<?> type) {
        return KNOWN.computeIfAbsent(type, CredentialFields::read);
    }

    private static Set<String> read(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            return Set.of();
        }
        return Arrays.stream(components)
                .filter(component -> component.isAnnotationPresent(Credential.class))
                .map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());
    }
}
