package dev.orchwiz.projection.isolation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes of a replay or of a catch-up, sent as JDBC batches when the processor's batch commits instead of one statement
 * (and one savepoint) per event: a rebuild, and a node catching up on a backlog, spent most of their time in those round
 * trips. Engaged inside the processor's transaction when the event is replayed or when its unit of work holds two or
 * more events (a processor behind the head fills its batches; one at the head gets them one by one); a lone live event
 * keeps its per-event savepoint ({@link EventSavepoint}), so the common case at the head is unchanged (ADR 0022).
 *
 * <p>A batch that fails at commit rolls back whole (its token too), and batching pauses for a minute: the processor
 * retries the same events one by one, each in its savepoint, so the one the database refuses goes to the dead-letter
 * queue exactly as it would live.
 */
@Component
public class CatchUpBatches {

    private static final Logger log = LoggerFactory.getLogger(CatchUpBatches.class);

    /** How long a failed batch makes replays go event by event. */
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofMinutes(1);

    private final NamedParameterJdbcTemplate jdbc;
    private volatile long pausedUntilNanos = System.nanoTime() - 1;

    CatchUpBatches(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The writes of the current transaction's batch, or null when this event is to be written at once. */
    public Writes deferred() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !CurrentUnitOfWork.isStarted()
                || !batched(CurrentUnitOfWork.get())
                || System.nanoTime() - pausedUntilNanos < 0) {
            return null;
        }
        Writes writes = (Writes) TransactionSynchronizationManager.getResource(this);
        if (writes == null) {
            Writes created = new Writes();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CatchUpBatches.this);
                }
            });
            writes = created;
        }
        return writes;
    }

    /**
     * A replayed event, or one of a unit of work that holds several: first and last tell that in constant time, where
     * {@code getMessages()} would copy the batch for every event.
     */
    private static boolean batched(UnitOfWork<?> unitOfWork) {
        if (ReplayToken.isReplay(unitOfWork.getMessage())) {
            return true;
        }
        return unitOfWork instanceof BatchingUnitOfWork<?> batch && !(batch.isFirstMessage() && batch.isLastMessage());
    }

    private void write(Writes writes) {
        try {
            for (Map<String, List<SqlParameterSource>> phase : writes.phases.values()) {
                phase.forEach((sql, rows) ->
                        writes.counted(sql, jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new))));
            }
            writes.checks.forEach(Runnable::run);
        } catch (RuntimeException failed) {
            pausedUntilNanos = System.nanoTime() + PAUSE_AFTER_FAILURE.toNanos();
            log.warn(
                    "A replay or catch-up batch could not be written ({}); going event by event for {} s",
                    failed.toString(),
                    PAUSE_AFTER_FAILURE.toSeconds());
            throw failed;
        }
    }

    /** One transaction's deferred statements: by phase, then in the order each statement was first given. */
    public static final class Writes {

        private final Map<Integer, Map<String, List<SqlParameterSource>>> phases = new TreeMap<>();
        private final List<Runnable> checks = new ArrayList<>();
        private final Map<Object, Object> states = new HashMap<>();
        private final Map<String, Boolean> everyRowChanged = new HashMap<>();

        /**
         * Adds a statement to run in {@code phase} (lower phases first); one statement's rows keep their order, so
         * changes of one row apply in the order of its events.
         */
        public void add(int phase, String sql, SqlParameterSource row) {
            phases.computeIfAbsent(phase, p -> new LinkedHashMap<>())
                    .computeIfAbsent(sql, s -> new ArrayList<>())
                    .add(row);
        }

        /**
         * Whether each row given for {@code sql} changed exactly one row, once the statements ran (in a check); false
         * when one changed none, or when the driver did not say.
         */
        public boolean everyRowChanged(String sql) {
            return everyRowChanged.getOrDefault(sql, false);
        }

        private void counted(String sql, int[] counts) {
            boolean each = Arrays.stream(counts).allMatch(count -> count == 1);
            everyRowChanged.merge(sql, each, Boolean::logicalAnd);
        }

        /**
         * What a writer keeps about this batch under {@code key}, made on first use together with its check, which
         * runs after every statement of the batch (throwing fails the batch).
         */
        @SuppressWarnings("unchecked")
        public <T> T state(Object key, Supplier<T> create, Consumer<T> check) {
            return (T) states.computeIfAbsent(key, k -> {
                T state = create.get();
                checks.add(() -> check.accept(state));
                return state;
            });
        }
    }
}
