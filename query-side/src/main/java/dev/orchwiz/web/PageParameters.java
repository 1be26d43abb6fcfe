package dev.orchwiz.web;

import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import java.util.List;

/** The one rule for {@code page} and {@code size} on every list endpoint. */
public final class PageParameters {

    public static final int MAX_SIZE = 100;

    private PageParameters() {}

    public static void assertValid(int page, int size) {
        if (page < 0) {
            throw invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw invalid("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    private static InvalidRequest invalid(String name, String problem) {
        return new InvalidRequest(
                RequestError.INVALID_PARAMETER, name + " " + problem, List.of(new FieldProblem(name, problem)));
    }
}
