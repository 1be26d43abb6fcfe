package dev.orchwiz.storage;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Events are appended and read through Axon's JDBC engine, on the same tables the JPA engine used (see ADR 0005):
 * a command's events go in one batched insert, their global positions drawn by the column's default from the dense
 * sequence, instead of a {@code nextval} round trip and a Hibernate flush per event.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EventStorageConfiguration {

    static final String UNIQUE_VIOLATION = "23505";

    /** The tables and columns Flyway created for the JPA engine, in snake case; the JDBC defaults are camel case. */
    static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    /**
     * A second writer of one aggregate sequence hits the table's unique constraint, which PostgreSQL reports as SQLSTATE
     * 23505 (unique_violation); that is what makes the append a {@code ConcurrencyException}.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /**
     * Events per query when a processor reads the store (and per query of an aggregate's events). Axon's default is
     * 100: a rebuild's coordinator then paid a query and a transaction per 100 events, one thread doing it for all four
     * segments (docs/benchmarks.md, runs S). At the head a query returns what is new, whatever this is; a reader
     * holds at most this many events at once (ADR 0018).
     */
    static final int FETCH_BATCH = 1_000;

    /**
     * Axon's gap settings, set here so that the engine and its timestamp reading ({@link TimedJdbcEventStorageEngine})
     * use the same ones. These are Axon 4.13's defaults, kept on purpose: a gap (a position drawn by a transaction not
     * yet committed) is awaited up to 10,000 positions ahead and for 60 s after the event that skipped it, and a
     * token's gaps are cleaned of committed or timed out ones when it holds more than 250. Positions start at 1, the
     * sequence's first value. A concurrent append leaves a gap only until it commits, well inside both limits.
     */
    static final TimedJdbcEventStorageEngine.Gaps GAPS = new TimedJdbcEventStorageEngine.Gaps(1, 10_000, 60_000, 250);

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration axon,
            DataSource dataSource,
            TransactionManager transactionManager) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(axon.upcasterChain())
                .snapshotFilter(axon.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                // Joins the transaction Spring opened for the unit of work, with the token store and read models.
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .schema(SCHEMA)
                .dataType(byte[].class)
                .batchSize(FETCH_BATCH);
        return TimedJdbcEventStorageEngine.build(builder, GAPS);
    }

    /**
     * Axon's default store shares one read-ahead producer between the processors that are near the head. That producer
     * reads as fast as the database answers, and a processor that pauses (its work packages full) keeps every event
     * read since then reachable: during a catch-up of 292,000 events the node held 83,000 of them and ran out of a
     * 256 MB heap (docs/benchmarks.md, runs H). Without that optimisation each processor reads its own batches of
     * {@code batchSize} events, so memory stays bounded by processors × batch, whatever the backlog; the cost is one
     * indexed query per processor per signalled commit instead of one shared query.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }
}
