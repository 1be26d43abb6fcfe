package dev.orchwiz.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitSignallingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .optimizeEventConsumption(false)
            .build();
    private final CommitSignallingEventSource source = new CommitSignallingEventSource(store);

    @AfterEach
    void stop() {
        source.close();
        store.shutDown();
    }

    @Test
    void aCommitWakesEveryReaderAndALaterCommitWakesThemAgain() throws InterruptedException {
        // given
        AtomicInteger firstWoken = new AtomicInteger();
        AtomicInteger secondWoken = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> first = source.openStream(null);
        BlockingStream<TrackedEventMessage<?>> second = source.openStream(null);
        first.setOnAvailableCallback(firstWoken::incrementAndGet);
        second.setOnAvailableCallback(secondWoken::incrementAndGet);

        // when
        store.publish(GenericEventMessage.asEventMessage("one"));
        await().atMost(Duration.ofSeconds(5)).until(() -> firstWoken.get() == 1 && secondWoken.get() == 1);
        store.publish(GenericEventMessage.asEventMessage("two"));

        // then
        await().atMost(Duration.ofSeconds(5)).until(() -> firstWoken.get() == 2 && secondWoken.get() == 2);
        assertThat(first.nextAvailable().getPayload()).isEqualTo("one");
        assertThat(first.nextAvailable().getPayload()).isEqualTo("two");
        first.close();
        second.close();
    }

    @Test
    void commitsInQuickSuccessionShareSignals() {
        // given
        AtomicInteger woken = new AtomicInteger();
        source.openStream(null).setOnAvailableCallback(woken::incrementAndGet);

        // when
        for (int i = 0; i < 200; i++) {
            store.publish(GenericEventMessage.asEventMessage("event " + i));
        }

        // then: woken, and far fewer times than there were commits
        await().atMost(Duration.ofSeconds(5)).until(() -> woken.get() >= 1);
        await().pollDelay(Duration.ofMillis(100)).until(() -> true);
        assertThat(woken.get()).isBetween(1, 100);
    }
}
