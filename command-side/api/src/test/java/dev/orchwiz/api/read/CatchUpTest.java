package dev.orchwiz.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CatchUpTest {

    private final CatchUp catchUp = new CatchUp(Duration.ofMillis(300), Duration.ofMillis(1));

    @Test
    void withoutMinVersionReadsOnceAndIsNeverBehind() {
        AtomicInteger reads = new AtomicInteger();
        CatchUp.Read<Long> read = catchUp.read(() -> Optional.of((long) reads.incrementAndGet()), v -> v, null);
        assertThat(read.found()).contains(1L);
        assertThat(read.behind()).isFalse();
        assertThat(reads).hasValue(1);
    }

    @Test
    void waitsUntilTheReadModelShowsTheVersion() {
        AtomicInteger reads = new AtomicInteger();
        // Absent for the first reads (not projected yet), then one version further on each read.
        CatchUp.Read<Long> read = catchUp.read(
                () -> {
                    int n = reads.incrementAndGet();
                    return n < 3 ? Optional.empty() : Optional.of((long) n);
                },
                v -> v,
                5L);
        assertThat(read.found()).contains(5L);
        assertThat(read.behind()).isFalse();
    }

    @Test
    void answersTheFreshestReadAsBehindWhenTheWaitRunsOut() {
        long started = System.nanoTime();
        CatchUp.Read<Long> read = catchUp.read(() -> Optional.of(2L), v -> v, 3L);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(read.found()).contains(2L);
        assertThat(read.behind()).isTrue();
    }

    @Test
    void somethingNeverProjectedIsAbsentAndBehind() {
        CatchUp.Read<Long> read = catchUp.read(Optional::empty, v -> v, 0L);
        assertThat(read.found()).isEmpty();
        assertThat(read.behind()).isTrue();
    }
}
