package dev.orchwiz.query;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.RuleViolation;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a context's things are named in a path ({@code /api/hooks/{id}}): how the segment parses, and the one 404 (the
 * context's code, {@code prefix + id}) of an id that does not parse, names nothing, or names what the caller may not
 * see, so that ids never tell what exists.
 */
public record PathId<I>(Function<String, Optional<I>> parser, ErrorCode missing, String prefix) {

    /** The id the segment holds; one that does not parse is missing. */
    public I parse(String id) {
        return parser.apply(id).orElseThrow(() -> missing(id));
    }

    /** The 404 of segment {@code id}. */
    public RuleViolation missing(String id) {
        return Reads.missing(missing, prefix + id);
    }
}
