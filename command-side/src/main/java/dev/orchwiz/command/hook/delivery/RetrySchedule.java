package dev.orchwiz.command.hook.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff between delivery attempts: attempt {@code n} failed, wait {@code initialDelay × multiplier^(n-1)}
 * (at most {@code maxDelay}), and after {@code maxAttempts} failures the message is dead-lettered.
 *
 * <p>{@link #delayAfter(int)} is the exact, deterministic delay, which is what the API shows as the next attempt's
 * planned time. {@link #delayAfter(int, RandomGenerator)} spreads it by ±{@value #JITTER_PERCENT}% so that the many
 * deliveries that failed together during one receiver outage do not all come back in the same second; callers that
 * schedule real retries should use that one.
 */
public record RetrySchedule(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

    static final int JITTER_PERCENT = 10;

    public RetrySchedule {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= initialDelay <= maxDelay");
        }
        if (maxDelay.compareTo(Duration.ofNanos(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("maxDelay must fit in nanoseconds (about 292 years)");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number of at least 1");
        }
    }

    /** 5 attempts waiting 5 s, 20 s, 80 s and 320 s in between; the 1 h cap only bites if more attempts are allowed. */
    public static RetrySchedule standard() {
        return new RetrySchedule(5, Duration.ofSeconds(5), 4.0, Duration.ofHours(1));
    }

    /**
     * @param attemptNumber the 1-based attempt that just failed
     * @return the wait before the next attempt, or empty when that was the last one (dead letter)
     */
    public Optional<Duration> delayAfter(int attemptNumber) {
        return nominalNanos(attemptNumber).map(nanos -> Duration.ofNanos(Math.round(nanos)));
    }

    /** Like {@link #delayAfter(int)} but multiplied by a uniform factor in [0.9, 1.1), still capped at maxDelay. */
    public Optional<Duration> delayAfter(int attemptNumber, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        return nominalNanos(attemptNumber).map(nanos -> {
            double factor = 1.0 + (JITTER_PERCENT / 100.0) * (2.0 * random.nextDouble() - 1.0);
            return Duration.ofNanos(Math.round(Math.min(nanos * factor, maxDelay.toNanos())));
        });
    }

    public boolean isLastAttempt(int attemptNumber) {
        return attemptNumber >= maxAttempts;
    }

    private Optional<Double> nominalNanos(int attemptNumber) {
        if (attemptNumber < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1");
        }
        if (isLastAttempt(attemptNumber)) {
            return Optional.empty();
        }
        // Computed in double and capped before converting back, so large attempt numbers cannot overflow a long.
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, attemptNumber - 1);
        return Optional.of(Math.min(nanos, maxDelay.toNanos()));
    }
}
