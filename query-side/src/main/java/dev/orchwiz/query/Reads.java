package dev.orchwiz.query;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.read.CatchUp;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every read controller does the same way: ask the query bus, turn a path id that does not parse into the same
 * 404 as a missing one (so ids never tell what exists), and refuse a malformed filter with a 400 naming it.
 */
@Component
public class Reads {

    private final QueryGateway queries;

    Reads(QueryGateway queries) {
        this.queries = queries;
    }

    public <R> R ask(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }

    public <R> Optional<R> find(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
    }

    /** The single read, or a 404 with the context's code and {@code detail} when it is missing or not the caller's. */
    public <R> R findOr404(Object query, Class<R> type, ErrorCode missing, String detail) {
        return find(query, type).orElseThrow(() -> missing(missing, detail));
    }

    /** The single read of what path segment {@code id} names, or {@code path}'s 404. */
    public <I, R> R findByPath(String id, PathId<I> path, Function<I, Object> query, Class<R> type) {
        return find(query.apply(path.parse(id)), type).orElseThrow(() -> path.missing(id));
    }

    /**
     * The single read of what path segment {@code id} names, waiting briefly until it shows {@code minVersion} when one
     * is given (a write the caller just made, {@link CatchUp}); {@code path}'s 404 when missing. {@link CatchUp#BEHIND_HEADER} says whether the
     * read model had still not caught up.
     */
    public <I, R> ResponseEntity<R> findCaughtUp(
            String id,
            PathId<I> path,
            Function<I, Object> query,
            Class<R> type,
            ToLongFunction<R> version,
            Long minVersion) {
        Object asked = query.apply(path.parse(id));
        CatchUp.Read<R> read = CatchUp.READ_YOUR_WRITES.read(() -> find(asked, type), version, minVersion);
        R found = read.found().orElseThrow(() -> path.missing(id));
        return ResponseEntity.ok()
                .header(CatchUp.BEHIND_HEADER, Boolean.toString(read.behind()))
                .body(found);
    }

    /** An optional id filter: absent is null, present must parse, else a 400 naming the parameter. */
    public static <I> I optionalId(String value, Function<String, Optional<I>> parser, String field) {
        return value == null ? null : parser.apply(value).orElseThrow(() -> invalid(field, "is not an id"));
    }

    /** A free-text filter longer than the read models search by is a 400, not a slow scan. */
    public static void assertSearchText(String text) {
        if (text != null && text.length() > 200) {
            throw invalid("q", "must be at most 200 characters");
        }
    }

    /** A count the caller chose must be 1 to {@code max}, else a 400 naming the parameter. */
    public static void assertBetweenOneAnd(int max, String field, int value) {
        if (value < 1 || value > max) {
            throw invalid(field, "must be 1-" + max);
        }
    }

    public static RuleViolation missing(ErrorCode code, String detail) {
        return new RuleViolation(code, detail) {};
    }

    public static InvalidRequest invalid(String field, String problem) {
        return new InvalidRequest(
                RequestError.INVALID_PARAMETER, field + " " + problem, List.of(new FieldProblem(field, problem)));
    }
}
