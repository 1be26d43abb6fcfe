package dev.orchwiz.projection.isolation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applies one event's writes inside a savepoint of the processor's transaction. PostgreSQL aborts a whole transaction
 * on the first failed statement; rolling back to the savepoint instead leaves the batch's other events and the
 * processor's token intact, so the failure can go to the dead-letter queue in that same transaction and the segment
 * moves on. A transient failure (a deadlock, a serialization conflict) is tried again a few times first.
 */
@Component
public class EventSavepoint {

    private static final Logger log = LoggerFactory.getLogger(EventSavepoint.class);

    /** Attempts for a transient failure before the event is given up to the dead-letter queue. */
    static final int ATTEMPTS = 3;

    private final DataSource dataSource;

    EventSavepoint(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void apply(Runnable writes) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            writes.run();
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            for (int attempt = 1; ; attempt++) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    writes.run();
                    connection.releaseSavepoint(savepoint);
                    return;
                } catch (RuntimeException failed) {
                    connection.rollback(savepoint);
                    if (!(failed instanceof TransientDataAccessException) || attempt >= ATTEMPTS) {
                        throw failed;
                    }
                    log.info(
                            "Retrying an event after a transient failure (attempt {}): {}", attempt, failed.toString());
                }
            }
        } catch (SQLException savepointFailed) {
            throw new IllegalStateException("could not isolate the event in a savepoint", savepointFailed);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
