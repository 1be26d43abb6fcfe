package dev.orchwiz.projection.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.query.FindSession;
import dev.orchwiz.api.session.query.ListSessions;
import dev.orchwiz.api.session.query.SessionView;
import dev.orchwiz.projection.isolation.CatchUpBatches;
import dev.orchwiz.projection.isolation.EventSavepoint;
import dev.orchwiz.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A processor catching up on a backlog receives its events in full work packages, whose writes go as JDBC batches
 * ({@link CatchUpBatches}); those must leave exactly the rows that the same events leave one by one at the head.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = "spring.flyway.locations=classpath:db/migration/projections")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SessionCatchUpIT {

    /** Sessions per side: with their lives interleaved, 1,320 events in work packages that split lives. */
    private static final int SESSIONS = 120;

    /** Events per work package, Axon's pooled processor's default batch size is 1; ours are configured larger. */
    private static final int PACKAGE = 97;

    /** Its own context, so its own database: the sessions it commits stay out of other tests' lists. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({
        SessionProjector.class,
        SessionQueries.class,
        SessionCounts.class,
        EventSavepoint.class,
        CatchUpBatches.class
    })
    static class CaughtUpReadModel {}

    @Autowired
    SessionProjector projector;

    @Autowired
    SessionQueries queries;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aCatchUpOfManyInterleavedEventsInWorkPackagesWritesExactlyTheRowsOfTheLivePath() {
        // given the same lives for two owners: one owner's sessions projected event by event, each in its own
        // transaction as at the head; the other's interleaved as a global stream is, and caught up in work packages
        UserId liveOwner = UserId.of("live-" + UUID.randomUUID());
        UserId catchUpOwner = UserId.of("catch-up-" + UUID.randomUUID());
        List<SessionId> live = new ArrayList<>();
        List<SessionId> caughtUp = new ArrayList<>();
        List<List<Runnable>> liveLives = new ArrayList<>();
        List<List<Runnable>> catchUpLives = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            SessionId a = SessionId.random();
            SessionId b = SessionId.random();
            live.add(a);
            caughtUp.add(b);
            liveLives.add(SessionLife.steps(projector, a, liveOwner, UUID.randomUUID(), UUID.randomUUID()));
            catchUpLives.add(SessionLife.steps(projector, b, catchUpOwner, UUID.randomUUID(), UUID.randomUUID()));
        }
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        interleaved(liveLives).forEach(step -> transaction.executeWithoutResult(status -> step.run()));

        // when
        List<Runnable> stream = interleaved(catchUpLives);
        for (int from = 0; from < stream.size(); from += PACKAGE) {
            List<Runnable> workPackage = stream.subList(from, Math.min(stream.size(), from + PACKAGE));
            catchUp(workPackage);
        }

        // then every session's row and timeline are the live one's but for ids and owner
        for (int i = 0; i < SESSIONS; i++) {
            SessionView expected = queries.handle(new FindSession(new Actor(liveOwner, true), live.get(i)))
                    .orElseThrow();
            SessionView actual = queries.handle(new FindSession(new Actor(catchUpOwner, true), caughtUp.get(i)))
                    .orElseThrow();
            assertThat(actual)
                    .usingRecursiveComparison()
                    .ignoringFields(
                            "id",
                            "ownerId",
                            "ownerName",
                            "interactions.id",
                            "interactions.sessionId",
                            "interactions.by",
                            "interactions.byName")
                    .isEqualTo(expected);
            assertThat(actual.version()).isEqualTo(SessionLife.EVENTS - 1);
        }
        // and the counts the projector's trigger maintains agree
        assertThat(countOf(catchUpOwner)).isEqualTo(countOf(liveOwner)).isEqualTo(SESSIONS);
    }

    /** Round robin over the lives: the first event of each, then the second of each, and so on. */
    private static List<Runnable> interleaved(List<List<Runnable>> lives) {
        List<Runnable> stream = new ArrayList<>();
        for (int step = 0; step < SessionLife.EVENTS; step++) {
            for (List<Runnable> life : lives) {
                stream.add(life.get(step));
            }
        }
        return stream;
    }

    /** One work package of a live processor behind the head: a batching unit of work, in one committed transaction. */
    private void catchUp(List<Runnable> events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            messages.add(GenericEventMessage.asEventMessage("a live event " + i));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.start();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> events.forEach(Runnable::run));
        } finally {
            unitOfWork.rollback();
        }
    }

    private long countOf(UserId owner) {
        return queries.handle(new ListSessions(new Actor(owner, false), null, null, null, null, 0, 20))
                .totalItems();
    }
}
