package dev.orchwiz.web;

import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.read.PagedQuery;
import java.util.List;

/**
 * The one rule for {@code page} and {@code size} on every list endpoint; a list endpoint declares a parameter of this
 * type and {@link PageParametersResolver} reads and checks both. A page whose rows would start beyond what an {@code
 * int} offset can address is refused: no list ever holds that many rows, so such a page could only ever be empty
 * (JPA's paging, before ADR 0013, computed the first row as an {@code int} and failed with a 500 on {@code
 * ?page=2147483647}; the rule stays so that every list keeps one bound).
 */
public record PageParameters(int page, int size) implements PagedQuery {

    public static final int MAX_SIZE = 100;

    /** The size a list answers with when the request names none and the endpoint has no {@link DefaultPageSize}. */
    public static final int DEFAULT_SIZE = 20;

    public PageParameters {
        assertValid(page, size);
    }

    private static void assertValid(int page, int size) {
        if (page < 0) {
            throw invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size + size > Integer.MAX_VALUE) {
            throw invalid("page", "must be at most " + maxPage(size) + " with size " + size);
        }
    }

    /** The last page of this size whose rows all lie within an {@code int} offset. */
    static int maxPage(int size) {
        return Integer.MAX_VALUE / size - 1;
    }

    private static InvalidRequest invalid(String name, String problem) {
        return new InvalidRequest(
                RequestError.INVALID_PARAMETER, name + " " + problem, List.of(new FieldProblem(name, problem)));
    }
}
