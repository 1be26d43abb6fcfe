package dev.orchwiz.command.hook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void standardScheduleWaitsFiveSecondsAndThenFourTimesLongerForFiveAttempts() {
        // given
        RetrySchedule schedule = RetrySchedule.standard();

        // when
        var delays = IntStream.rangeClosed(1, 6).mapToObj(schedule::delayAfter).toList();

        // then
        assertThat(schedule.maxAttempts()).isEqualTo(5);
        assertThat(delays)
                .containsExactly(
                        Optional.of(Duration.ofSeconds(5)),
                        Optional.of(Duration.ofSeconds(20)),
                        Optional.of(Duration.ofSeconds(80)),
                        Optional.of(Duration.ofSeconds(320)),
                        Optional.empty(),
                        Optional.empty());
    }

    @Test
    void capsTheDelayAtMaxDelay() {
        // given
        RetrySchedule schedule = new RetrySchedule(10, Duration.ofSeconds(5), 4.0, Duration.ofHours(1));

        // when
        Optional<Duration> sixth = schedule.delayAfter(6);

        // then
        assertThat(schedule.delayAfter(5)).contains(Duration.ofSeconds(1280));
        assertThat(sixth).contains(Duration.ofHours(1));
    }

    @Test
    void doesNotOverflowForVeryLateAttempts() {
        // given
        RetrySchedule schedule = new RetrySchedule(Integer.MAX_VALUE, Duration.ofSeconds(5), 4.0, Duration.ofHours(1));

        // when
        Optional<Duration> delay = schedule.delayAfter(Integer.MAX_VALUE - 1);

        // then
        assertThat(delay).contains(Duration.ofHours(1));
    }

    @Test
    void spreadsTheDelayByTenPercentEitherWay() {
        // given
        RetrySchedule schedule = RetrySchedule.standard();
        RandomGenerator lowest = fixed(0.0);
        RandomGenerator middle = fixed(0.5);
        RandomGenerator highest = fixed(Math.nextDown(1.0));

        // when
        Duration early = schedule.delayAfter(2, lowest).orElseThrow();
        Duration nominal = schedule.delayAfter(2, middle).orElseThrow();
        Duration late = schedule.delayAfter(2, highest).orElseThrow();

        // then
        assertThat(early).isEqualTo(Duration.ofSeconds(18));
        assertThat(nominal).isEqualTo(Duration.ofSeconds(20));
        assertThat(late).isBetween(Duration.ofMillis(21_999), Duration.ofSeconds(22));
    }

    @Test
    void keepsJitteredDelaysWithinBoundsAndUnderTheCap() {
        // given
        RetrySchedule schedule = new RetrySchedule(10, Duration.ofSeconds(5), 4.0, Duration.ofHours(1));
        RandomGenerator random = new SplittableRandom(42);

        // when
        var firstDelays = IntStream.range(0, 1_000)
                .mapToObj(i -> schedule.delayAfter(1, random).orElseThrow())
                .toList();
        var cappedDelays = IntStream.range(0, 1_000)
                .mapToObj(i -> schedule.delayAfter(9, random).orElseThrow())
                .toList();

        // then
        assertThat(firstDelays)
                .allSatisfy(delay -> assertThat(delay).isBetween(Duration.ofMillis(4_500), Duration.ofMillis(5_500)));
        assertThat(firstDelays).doesNotHaveDuplicates();
        assertThat(cappedDelays)
                .allSatisfy(delay -> assertThat(delay).isBetween(Duration.ofMinutes(54), Duration.ofHours(1)));
    }

    @Test
    void givesNoJitteredDelayAfterTheLastAttempt() {
        // given
        RetrySchedule schedule = RetrySchedule.standard();

        // when
        Optional<Duration> delay = schedule.delayAfter(5, new SplittableRandom(1));

        // then
        assertThat(delay).isEmpty();
        assertThat(schedule.isLastAttempt(5)).isTrue();
        assertThat(schedule.isLastAttempt(4)).isFalse();
    }

    @Test
    void rejectsAttemptNumbersBelowOne() {
        // given
        RetrySchedule schedule = RetrySchedule.standard();

        // when / then
        assertThatIllegalArgumentException().isThrownBy(() -> schedule.delayAfter(0));
    }

    @Test
    void rejectsSchedulesThatCannotWork() {
        // given
        Duration second = Duration.ofSeconds(1);

        // when / then
        assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(0, second, 2.0, second));
        assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(3, second, 0.5, second));
        assertThatIllegalArgumentException().isThrownBy(() -> new RetrySchedule(3, second, Double.NaN, second));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySchedule(3, Duration.ofSeconds(-1), 2.0, second));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetrySchedule(3, Duration.ofMinutes(2), 2.0, Duration.ofMinutes(1)));
    }

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble is used");
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
