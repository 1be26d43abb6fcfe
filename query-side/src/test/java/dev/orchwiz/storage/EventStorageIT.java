package dev.orchwiz.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchwiz.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The event store as the JDBC engine keeps it: a command's events get dense positions from the table's sequence, read
 * back in order, and a second writer of the same aggregate sequence is refused as a concurrency conflict (which the
 * command gateway retries), never as a generic failure.
 */
@SpringBootTest
@ContextConfiguration(initializers = TestDatabase.class)
class EventStorageIT {

    @Autowired
    EventStore events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionManager transactions;

    private static DomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("StorageProbe", aggregate, sequence, "payload " + sequence);
    }

    private void append(DomainEventMessage<?>... messages) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> events.publish(messages));
    }

    @Test
    void appendsWithDensePositionsReadsBackInOrderAndRefusesASecondWriter() {
        String aggregate = UUID.randomUUID().toString();

        append(event(aggregate, 0), event(aggregate, 1), event(aggregate, 2));

        List<Long> positions = jdbc.queryForList(
                "select global_index from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                Long.class,
                aggregate);
        assertThat(positions).hasSize(3);
        assertThat(positions.get(2) - positions.get(0))
                .as("one command's events are consecutive")
                .isEqualTo(2);
        assertThat(events.readEvents(aggregate)
                        .asStream()
                        .map(message -> (Object) message.getPayload())
                        .toList())
                .containsExactly("payload 0", "payload 1", "payload 2");
        assertThatThrownBy(() -> append(event(aggregate, 2))).isInstanceOf(ConcurrencyException.class);
        assertThat(events.readEvents(aggregate).asStream().count()).isEqualTo(3);
    }

    @Test
    void aUnitOfWorkThatFailsLeavesNoneOfItsWritesBehind() {
        String marker = UUID.randomUUID().toString();

        assertThatThrownBy(() -> transactions.executeInTransaction(() -> {
                    jdbc.update(
                            "insert into token_entry (processor_name, segment, timestamp) values (?, 0, ?)",
                            marker,
                            "2026-12-05T00:00:00Z");
                    throw new IllegalStateException("the handler failed after its first write");
                }))
                .hasMessageContaining("handler failed");

        assertThat(jdbc.queryForObject(
                        "select count(*) from token_entry where processor_name = ?", Integer.class, marker))
                .as("Axon's units of work are real transactions, not one commit per statement")
                .isZero();
    }
}
