package dev.orchwiz.api.problem;

import java.time.Duration;

/** A refusal that names when the caller may try again; the HTTP edge sends it as {@code Retry-After}. */
public abstract class RetryLater extends RuleViolation {

    private final Duration wait;

    protected RetryLater(ErrorCode errorCode, String detail, Duration wait) {
        super(errorCode, detail);
        this.wait = wait;
    }

    /** Whole seconds, at least one: {@code Retry-After} has no fractions and zero would invite a busy loop. */
    public long retryAfterSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
