package dev.orchwiz.command.web;

import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/** Keeps free-form metadata bounded: its JSON form may not exceed a byte limit. */
public final class MetadataLimit {

    private MetadataLimit() {}

    public static void assertWithin(ObjectMapper json, String field, Map<String, Object> metadata, int maxBytes) {
        if (metadata == null) {
            return;
        }
        int size = json.writeValueAsString(metadata).getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            throw new InvalidRequest(
                    RequestError.VALIDATION_FAILED,
                    field + " is " + size + " bytes of JSON; the limit is " + maxBytes,
                    List.of(new FieldProblem(field, "must be at most " + maxBytes + " bytes of JSON")));
        }
    }
}
