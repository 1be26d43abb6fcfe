package dev.orchwiz.projection.jsonb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;

/** Writes values to {@code jsonb} text and reads them back; one mapper so every read model agrees on the shapes. */
public final class Jsonb {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Jsonb() {}

    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException("cannot store value as JSON", unwritable);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        return read(json, MAPPER.getTypeFactory().constructType(type));
    }

    public static <T> T read(String json, Class<T> type) {
        return read(json, MAPPER.getTypeFactory().constructType(type));
    }

    private static <T> T read(String json, JavaType type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("stored JSON does not have the expected shape", unreadable);
        }
    }

    public static Map<String, Object> readMap(String json) {
        return read(json, new TypeReference<Map<String, Object>>() {});
    }

    public static Map<String, String> readStringMap(String json) {
        return read(json, new TypeReference<Map<String, String>>() {});
    }

    public static List<String> readStrings(String json) {
        return read(json, new TypeReference<List<String>>() {});
    }
}
