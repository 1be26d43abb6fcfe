package dev.orchwiz.command.forwarding.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class OutboxSettingsTest {

    private final OutboxSettings settings =
            new OutboxSettings(500, 1 << 20, Duration.ofSeconds(1), Duration.ofMinutes(5));

    @RepeatedTest(20)
    void eachRetryWaitsBetweenHalfAndAllOfADoublingDelay() {
        assertThat(settings.backoff(0, null)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(settings.backoff(3, null)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void theDelayStopsGrowingAtTheMaximum() {
        assertThat(settings.backoff(40, null)).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5));
    }

    @Test
    void aPeersRetryAfterWinsUpToAnHour() {
        assertThat(settings.backoff(0, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoff(0, Duration.ofDays(1))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesBoundsThatCannotWork() {
        assertThatThrownBy(() -> new OutboxSettings(0, 1 << 20, Duration.ofSeconds(1), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxSettings(10, 1 << 20, Duration.ofMinutes(10), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
