package dev.orchwiz.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefillingCoordinatorTest {

    private final RefillingCoordinator coordinator = new RefillingCoordinator("test");

    @AfterEach
    void stop() {
        coordinator.shutdownNow();
    }

    @Test
    void theRecheckOfAFullWorkPackageComesAfterTheRefillDelayNotAfterAxons100Ms() throws Exception {
        // given a coordinator run that Axon schedules because a work package is full
        CountDownLatch ran = new CountDownLatch(1);

        // when
        ScheduledFuture<?> recheck = coordinator.schedule(ran::countDown, 100, TimeUnit.MILLISECONDS);

        // then it is due after the refill delay
        assertThat(recheck.getDelay(TimeUnit.NANOSECONDS)).isLessThanOrEqualTo(RefillingCoordinator.REFILL.toNanos());
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void everyOtherWaitOfTheCoordinatorIsKept() {
        // the token claim interval when caught up, the wait without an availability callback, the error back-off
        for (long millis : new long[] {1_000, 500, 60_000}) {
            ScheduledFuture<?> later = coordinator.schedule(() -> {}, millis, TimeUnit.MILLISECONDS);

            // Half of it at least, whatever a busy machine's scheduling took before the check.
            assertThat(later.getDelay(TimeUnit.MILLISECONDS))
                    .as("a wait of %d ms", millis)
                    .isGreaterThan(millis / 2)
                    .isLessThanOrEqualTo(millis);
        }
    }

    @Test
    void delaysAreShortenedOnlyUpToAxonsRecheckAndNeverLengthened() {
        assertThat(RefillingCoordinator.refill(0, TimeUnit.MILLISECONDS)).isZero();
        assertThat(RefillingCoordinator.refill(1, TimeUnit.MILLISECONDS)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(RefillingCoordinator.refill(100, TimeUnit.MILLISECONDS))
                .isEqualTo(RefillingCoordinator.REFILL.toNanos());
        assertThat(RefillingCoordinator.refill(101, TimeUnit.MILLISECONDS))
                .isEqualTo(TimeUnit.MILLISECONDS.toNanos(101));
    }
}
