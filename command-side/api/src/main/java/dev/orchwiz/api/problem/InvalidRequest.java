package dev.orchwiz.api.problem;

import java.util.List;

/** A request refused before it became a command, with the fields at fault. */
public class InvalidRequest extends RuleViolation {

    private final transient List<FieldProblem> fields;

    public InvalidRequest(RequestError error, String detail, List<FieldProblem> fields) {
        super(error, detail);
        this.fields = List.copyOf(fields);
    }

    public InvalidRequest(RequestError error, String detail) {
        this(error, detail, List.of());
    }

    public List<FieldProblem> fields() {
        return fields;
    }
}
