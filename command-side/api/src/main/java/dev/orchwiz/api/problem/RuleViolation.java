package dev.orchwiz.api.problem;

import java.util.Objects;

/** Base of every named business failure: carries the error code the HTTP edge turns into a problem response. */
public abstract class RuleViolation extends RuntimeException {

    private final transient ErrorCode errorCode;

    protected RuleViolation(ErrorCode errorCode, String detail) {
        super(detail, null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
