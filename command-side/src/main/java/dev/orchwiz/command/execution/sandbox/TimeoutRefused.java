package dev.orchwiz.command.execution.sandbox;

import dev.orchwiz.api.execution.ExecutionError;
import dev.orchwiz.api.problem.RuleViolation;
import java.time.Duration;

/** The requested timeout is not positive or is above the node's maximum. */
public class TimeoutRefused extends RuleViolation {

    TimeoutRefused(Duration requested, Duration maximum) {
        super(
                ExecutionError.TIMEOUT_REFUSED,
                "Timeout of " + readable(requested) + " is refused: it must be above 0 and at most "
                        + readable(maximum));
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
