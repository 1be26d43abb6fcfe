package dev.orchwiz.projection.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.InteractionType;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
import dev.orchwiz.api.session.event.SessionArchived;
import dev.orchwiz.api.session.event.SessionCompleted;
import dev.orchwiz.api.session.event.SessionExecutionStarted;
import dev.orchwiz.api.session.event.SessionForked;
import dev.orchwiz.api.session.event.SessionInteractionRecorded;
import dev.orchwiz.api.session.event.SessionMetadataChanged;
import dev.orchwiz.api.session.event.SessionModeChanged;
import dev.orchwiz.api.session.event.SessionRenamed;
import dev.orchwiz.api.session.event.SessionShared;
import dev.orchwiz.api.session.event.SessionStarted;
import dev.orchwiz.api.session.event.SessionUnshared;
import dev.orchwiz.api.session.event.SessionWorkspaceChanged;
import dev.orchwiz.api.session.query.FindSession;
import dev.orchwiz.api.session.query.ListSessionInteractions;
import dev.orchwiz.api.session.query.ListSessions;
import dev.orchwiz.api.session.query.SessionPage;
import dev.orchwiz.api.session.query.SessionSummary;
import dev.orchwiz.api.session.query.SessionView;
import dev.orchwiz.projection.isolation.CatchUpBatches;
import dev.orchwiz.projection.isolation.EventSavepoint;
import dev.orchwiz.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Given events, the sessions read model answers as the dashboard expects; on real PostgreSQL with Flyway's schema. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = TestDatabase.class)
@TestPropertySource(properties = "spring.flyway.locations=classpath:db/migration/projections")
class SessionProjectorIT {

    private static final UserId ADA = UserId.of("ada");
    private static final UserId GRACE = UserId.of("grace");
    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({
        SessionProjector.class,
        SessionQueries.class,
        SessionCounts.class,
        EventSavepoint.class,
        CatchUpBatches.class
    })
    static class ReadModel {}

    @Autowired
    SessionProjector projector;

    @Autowired
    SessionQueries queries;

    @Autowired
    SessionCounts counts;

    private SessionId start(UserId owner, String title, SessionMode mode, SessionSource source, int minute) {
        SessionId id = SessionId.random();
        projector.on(
                new SessionStarted(
                        id,
                        owner,
                        title,
                        "about " + title,
                        "prompt",
                        mode,
                        source,
                        "orchwiz",
                        "main",
                        null,
                        Map.of("k", "v"),
                        null,
                        owner,
                        null,
                        null),
                0,
                T0.plusSeconds(60L * minute));
        return id;
    }

    /** The unfiltered list's total (maintained counts) must equal the one a filter that keeps every row counts. */
    private long visibleCount(Actor viewer) {
        long maintained = list(viewer, null, null, null, null).totalItems();
        long counted =
                list(viewer, Set.of(SessionStatus.values()), null, null, null).totalItems();
        assertThat(maintained).as("maintained count of %s", viewer).isEqualTo(counted);
        return maintained;
    }

    private SessionPage list(
            Actor viewer, Set<SessionStatus> statuses, SessionMode mode, SessionSource source, String q) {
        return queries.handle(new ListSessions(viewer, statuses, mode, source, q, 0, 20));
    }

    @Test
    void followsASessionThroughItsLifeWithItsTimelineInOrder() {
        // given
        SessionId id = start(ADA, "Fix flaky test", SessionMode.PLAN, SessionSource.WEB, 0);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        projector.on(
                new SessionInteractionRecorded(id, first, InteractionType.USER_INPUT, "go", null, ADA),
                1,
                T0.plusSeconds(61));
        projector.on(new SessionExecutionStarted(id, ADA), 2, T0.plusSeconds(62));
        projector.on(
                new SessionInteractionRecorded(
                        id, second, InteractionType.AI_RESPONSE, "done", Map.of("tokens", 12), ADA),
                3,
                T0.plusSeconds(63));
        projector.on(new SessionModeChanged(id, SessionMode.PLAN, SessionMode.AUTO_ACCEPT, ADA), 4, T0.plusSeconds(64));
        projector.on(new SessionRenamed(id, "Flake fixed", ADA), 5, T0.plusSeconds(65));
        projector.on(new SessionWorkspaceChanged(id, "orchwiz", "fix/flake", "ci", ADA), 6, T0.plusSeconds(66));
        projector.on(new SessionMetadataChanged(id, Map.of("pr", 7), ADA), 7, T0.plusSeconds(67));
        projector.on(new SessionForked(id, SessionId.random(), ADA), 8, T0.plusSeconds(68));
        projector.on(new SessionCompleted(id, null, ADA), 9, T0.plusSeconds(69));

        // when
        SessionView detail =
                queries.handle(new FindSession(new Actor(ADA, false), id)).orElseThrow();

        // then
        assertThat(detail.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(detail.mode()).isEqualTo(SessionMode.AUTO_ACCEPT);
        assertThat(detail.title()).isEqualTo("Flake fixed");
        assertThat(detail.branch()).isEqualTo("fix/flake");
        assertThat(detail.environment()).isEqualTo("ci");
        assertThat(detail.metadata()).isEqualTo(Map.of("pr", 7));
        assertThat(detail.version()).isEqualTo(9);
        assertThat(detail.forkCount()).isEqualTo(1);
        assertThat(detail.interactionCount()).isEqualTo(2);
        assertThat(detail.completedAt()).isEqualTo(T0.plusSeconds(69));
        assertThat(detail.lastActivityAt()).isEqualTo(T0.plusSeconds(69));
        assertThat(detail.interactions())
                .extracting(i -> i.type(), i -> i.content(), i -> i.sequence())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(InteractionType.USER_INPUT, "go", 1L),
                        org.assertj.core.groups.Tuple.tuple(InteractionType.AI_RESPONSE, "done", 3L));
        assertThat(detail.interactions().get(1).metadata()).isEqualTo(Map.of("tokens", 12));
    }

    @Test
    void ignoresAnEventDeliveredTwice() {
        // given
        SessionId id = start(ADA, "once", SessionMode.PLAN, SessionSource.WEB, 0);
        UUID interaction = UUID.randomUUID();
        var recorded = new SessionInteractionRecorded(id, interaction, InteractionType.USER_INPUT, "hi", null, ADA);
        projector.on(recorded, 1, T0.plusSeconds(5));

        // when
        projector.on(recorded, 1, T0.plusSeconds(5));
        projector.on(
                new SessionStarted(
                        id,
                        ADA,
                        "again",
                        null,
                        null,
                        SessionMode.PLAN,
                        SessionSource.WEB,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ADA,
                        null,
                        null),
                0,
                T0);

        // then
        SessionView detail =
                queries.handle(new FindSession(new Actor(ADA, false), id)).orElseThrow();
        assertThat(detail.interactionCount()).isEqualTo(1);
        assertThat(detail.interactions()).hasSize(1);
        assertThat(detail.title()).isEqualTo("once");
    }

    @Test
    void listsNewestActivityFirstAndFiltersByStatusModeSourceAndText() {
        // given
        SessionId old = start(ADA, "Old refactor", SessionMode.PLAN, SessionSource.WEB, 0);
        SessionId busy = start(ADA, "Busy deploy", SessionMode.AUTO_ACCEPT, SessionSource.TERMINAL_HANDOFF, 1);
        SessionId fresh = start(ADA, "Fresh idea 100%", SessionMode.PLAN, SessionSource.IOS, 2);
        projector.on(new SessionExecutionStarted(busy, ADA), 1, T0.plusSeconds(3600));
        Actor ada = new Actor(ADA, false);

        // when
        SessionPage all = list(ada, Set.of(), null, null, null);

        // then
        assertThat(all.items())
                .extracting(SessionSummary::id)
                .containsExactly(busy.toString(), fresh.toString(), old.toString());
        assertThat(all.totalItems()).isEqualTo(3);
        assertThat(list(ada, Set.of(SessionStatus.EXECUTING), null, null, null).items())
                .extracting(SessionSummary::id)
                .containsExactly(busy.toString());
        assertThat(list(ada, Set.of(SessionStatus.PLANNING, SessionStatus.EXECUTING), null, null, null)
                        .totalItems())
                .isEqualTo(3);
        assertThat(list(ada, Set.of(), SessionMode.AUTO_ACCEPT, null, null).items())
                .extracting(SessionSummary::id)
                .containsExactly(busy.toString());
        assertThat(list(ada, Set.of(), null, SessionSource.IOS, null).items())
                .extracting(SessionSummary::id)
                .containsExactly(fresh.toString());
        assertThat(list(ada, Set.of(), null, null, "REFACTOR").items())
                .extracting(SessionSummary::id)
                .containsExactly(old.toString());
        assertThat(list(ada, Set.of(), null, null, "100%").items())
                .extracting(SessionSummary::id)
                .containsExactly(fresh.toString());
        assertThat(list(ada, Set.of(), null, null, "%").items()).hasSize(1);
    }

    @Test
    void pagesThroughTheList() {
        // given
        for (int minute = 0; minute < 25; minute++) {
            start(ADA, "session " + minute, SessionMode.PLAN, SessionSource.WEB, minute);
        }

        // when
        SessionPage second = queries.handle(new ListSessions(new Actor(ADA, false), Set.of(), null, null, null, 1, 10));
        SessionPage last = queries.handle(new ListSessions(new Actor(ADA, false), Set.of(), null, null, null, 2, 10));

        // then
        assertThat(second.totalItems()).isEqualTo(25);
        assertThat(second.totalPages()).isEqualTo(3);
        assertThat(second.items()).extracting(SessionSummary::title).first().isEqualTo("session 14");
        assertThat(last.items()).hasSize(5);
    }

    @Test
    void showsMembersOnlyTheirOwnSessionsAndAdminsAllButNeverArchivedOnes() {
        // given
        SessionId adas = start(ADA, "ada's", SessionMode.PLAN, SessionSource.WEB, 0);
        SessionId graces = start(GRACE, "grace's", SessionMode.PLAN, SessionSource.WEB, 1);
        SessionId archived = start(ADA, "gone", SessionMode.PLAN, SessionSource.WEB, 2);
        projector.on(new SessionArchived(archived, ADA), 1, T0.plusSeconds(600));

        // then
        assertThat(list(new Actor(ADA, false), Set.of(), null, null, null).items())
                .extracting(SessionSummary::id)
                .containsExactly(adas.toString());
        assertThat(list(new Actor(UserId.of("root"), true), Set.of(), null, null, null)
                        .items())
                .extracting(SessionSummary::id)
                .containsExactlyInAnyOrder(adas.toString(), graces.toString());
        assertThat(queries.handle(new FindSession(new Actor(ADA, false), graces)))
                .isEmpty();
        assertThat(queries.handle(new FindSession(new Actor(ADA, false), archived)))
                .isEmpty();
        assertThat(queries.handle(new ListSessionInteractions(new Actor(ADA, false), graces, 0, 10)))
                .isEmpty();
    }

    @Test
    void aSharedSessionIsVisibleToEveryoneUntilItIsUnshared() {
        // given
        SessionId shared = start(ADA, "ada's shared", SessionMode.PLAN, SessionSource.WEB, 0);
        projector.on(new dev.orchwiz.api.session.event.SessionShared(shared, ADA), 1, T0.plusSeconds(1));
        Actor grace = new Actor(GRACE, false);

        // then
        assertThat(queries.handle(new FindSession(grace, shared))).isPresent();
        assertThat(list(grace, Set.of(), null, null, null).items())
                .extracting(SessionSummary::id)
                .containsExactly(shared.toString());

        // when
        projector.on(new dev.orchwiz.api.session.event.SessionUnshared(shared, ADA), 2, T0.plusSeconds(2));

        // then
        assertThat(queries.handle(new FindSession(grace, shared))).isEmpty();
        assertThat(list(grace, Set.of(), null, null, null).items()).isEmpty();
    }

    @Test
    void resetEmptiesTheReadModelForAReplay() {
        // given
        SessionId id = start(ADA, "to be rebuilt", SessionMode.PLAN, SessionSource.WEB, 0);
        projector.on(
                new SessionInteractionRecorded(id, UUID.randomUUID(), InteractionType.USER_INPUT, "x", null, ADA),
                1,
                T0);

        // when
        projector.reset();

        // then
        assertThat(list(new Actor(ADA, true), Set.of(), null, null, null).totalItems())
                .isZero();
    }

    @Autowired
    PlatformTransactionManager transactions;

    /** Runs {@code events} as one batch of a replay: in a unit of work on a replayed event, in a committed transaction. */
    private void replayBatch(Runnable events) {
        var replaying = new GenericTrackedEventMessage<>(
                ReplayToken.createReplayToken(
                        new GlobalSequenceTrackingToken(1_000_000), new GlobalSequenceTrackingToken(0)),
                GenericEventMessage.asEventMessage("a replayed event"));
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(replaying);
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> events.run());
        } finally {
            unitOfWork.rollback();
        }
    }

    /** The life of {@code followsASessionThroughItsLifeWithItsTimelineInOrder}, for any session id. */
    private void live(SessionId id, UserId owner, UUID first, UUID second) {
        SessionLife.play(projector, id, owner, first, second);
    }

    /**
     * Runs {@code events} as one work package of a live processor catching up: a batching unit of work holding
     * {@code size} events, in a committed transaction.
     */
    private void catchUpBatch(int size, Runnable events) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            messages.add(GenericEventMessage.asEventMessage("a live event " + i));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
        unitOfWork.start();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> events.run());
        } finally {
            unitOfWork.rollback();
        }
    }

    /** A session started with nothing but an owner and a title, as its first event. */
    private void startBare(SessionId id, UserId owner, String title) {
        projector.on(
                new SessionStarted(
                        id,
                        owner,
                        title,
                        null,
                        null,
                        SessionMode.PLAN,
                        SessionSource.WEB,
                        null,
                        null,
                        null,
                        null,
                        null,
                        owner,
                        null,
                        null),
                0,
                T0);
    }

    private long rowsOf(SessionId id) {
        return jdbc.queryForObject("select count(*) from session_summary where id = ?", Long.class, id.value());
    }

    @Autowired
    JdbcTemplate jdbc;

    /**
     * Projects one session's life live and the same life of another session through {@code batch}, asserts that both
     * rows and timelines are the same but for their ids, and gives the batched session's row count as seen inside its
     * batch just before the commit.
     */
    private long batchedLikeLive(Consumer<Runnable> batch) {
        // given one owner's session projected live, each event in its own transaction
        UserId owner = UserId.of("batched-" + UUID.randomUUID());
        SessionId live = SessionId.random();
        SessionId batched = SessionId.random();
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> live(live, owner, UUID.randomUUID(), UUID.randomUUID()));

        // when the same events of another session come as one batch
        AtomicLong rowsBeforeCommit = new AtomicLong(-1);
        batch.accept(() -> {
            live(batched, owner, UUID.randomUUID(), UUID.randomUUID());
            rowsBeforeCommit.set(rowsOf(batched));
        });

        // then both rows and timelines are the same but for their ids
        Actor viewer = new Actor(owner, true);
        SessionView a = queries.handle(new FindSession(viewer, live)).orElseThrow();
        SessionView b = queries.handle(new FindSession(viewer, batched)).orElseThrow();
        assertThat(b)
                .usingRecursiveComparison()
                .ignoringFields("id", "interactions.id", "interactions.sessionId")
                .isEqualTo(a);
        assertThat(b.version()).isEqualTo(10);
        assertThat(b.interactionCount()).isEqualTo(2);
        assertThat(b.title()).isEqualTo("renamed");
        return rowsBeforeCommit.get();
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aCatchUpBatchWritesExactlyTheRowsLiveEventsWriteAndOnlyAtItsCommit() {
        long rowsBeforeCommit = batchedLikeLive(events -> catchUpBatch(SessionLife.EVENTS, events));

        assertThat(rowsBeforeCommit)
                .as("rows written before the work package's commit")
                .isZero();
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aLoneLiveEventInItsUnitOfWorkIsWrittenAtOnceInItsSavepoint() {
        // given
        SessionId id = SessionId.random();
        UserId owner = UserId.of("lone-" + UUID.randomUUID());
        AtomicLong rowsBeforeCommit = new AtomicLong(-1);

        // when a work package holds just this one event
        catchUpBatch(1, () -> {
            startBare(id, owner, "lone");
            rowsBeforeCommit.set(rowsOf(id));
        });

        // then its row was written before the commit, as at the head of the stream
        assertThat(rowsBeforeCommit).hasValue(1);
        assertThat(rowsOf(id)).isEqualTo(1);
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aReplayBatchWritesExactlyTheRowsLiveEventsWrite() {
        long rowsBeforeCommit = batchedLikeLive(this::replayBatch);

        assertThat(rowsBeforeCommit)
                .as("rows written before the replay batch's commit")
                .isZero();
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    // The failed batch pauses batching for a minute in this context's CatchUpBatches; later tests get a fresh one.
    @DirtiesContext
    void aReplayBatchWithAChangeToASessionNeverStartedFailsWholeAndTheRetryGoesEventByEvent() {
        SessionId known = SessionId.random();
        SessionId orphan = SessionId.random();
        UserId owner = UserId.of("replayer-" + UUID.randomUUID());

        // the batch fails at its commit, not at the event: nothing of it is written, the known session's start included
        java.util.concurrent.atomic.AtomicBoolean deferred = new java.util.concurrent.atomic.AtomicBoolean();
        assertThatThrownBy(() -> replayBatch(() -> {
                    startBare(known, owner, "k");
                    projector.on(new SessionRenamed(orphan, "nowhere", owner), 3, T0);
                    deferred.set(true);
                }))
                .hasMessageContaining("were never started");
        assertThat(deferred).isTrue();
        assertThat(queries.handle(new FindSession(new Actor(owner, true), known)))
                .isEmpty();

        // and the retry writes event by event: the orphan fails on its own, as it would live
        deferred.set(false);
        assertThatThrownBy(() -> replayBatch(() -> {
                    projector.on(new SessionRenamed(orphan, "nowhere", owner), 3, T0);
                    deferred.set(true);
                }))
                .hasMessageContaining("was never started");
        assertThat(deferred).isFalse();
    }

    @Test
    void anUnfilteredListCountsWhatEachViewerSeesFromMaintainedCountsFoldedOrNot() {
        // given an owner's own, shared and archived sessions and another owner's own (other tests commit sessions of
        // their own, so admins' figures are counted from where they stood)
        UserId lin = UserId.of("lin-" + UUID.randomUUID());
        UserId mo = UserId.of("mo-" + UUID.randomUUID());
        Actor admin = new Actor(UserId.of("root"), true);
        long before = visibleCount(admin);
        SessionId shared = start(lin, "shared", SessionMode.PLAN, SessionSource.WEB, 0);
        start(lin, "own", SessionMode.PLAN, SessionSource.WEB, 1);
        SessionId archived = start(lin, "archived", SessionMode.PLAN, SessionSource.WEB, 2);
        start(mo, "mo's", SessionMode.PLAN, SessionSource.WEB, 3);
        long sharedElsewhere = visibleCount(new Actor(mo, false)) - 1;
        projector.on(new SessionShared(shared, lin), 1, T0.plusSeconds(600));
        projector.on(new SessionArchived(archived, lin), 1, T0.plusSeconds(601));

        // then admins see every live session, lin hers, mo his and lin's shared one
        assertThat(visibleCount(admin)).isEqualTo(before + 3);
        assertThat(visibleCount(new Actor(lin, false))).isEqualTo(sharedElsewhere + 2);
        assertThat(visibleCount(new Actor(mo, false))).isEqualTo(sharedElsewhere + 2);

        // when the changes are folded and lin stops sharing
        counts.fold();
        assertThat(visibleCount(admin)).isEqualTo(before + 3);
        projector.on(new SessionUnshared(shared, lin), 2, T0.plusSeconds(602));

        // then the counts follow, folded or not
        assertThat(visibleCount(new Actor(mo, false))).isEqualTo(sharedElsewhere + 1);
        counts.fold();
        assertThat(visibleCount(new Actor(mo, false))).isEqualTo(sharedElsewhere + 1);
        assertThat(visibleCount(new Actor(lin, false))).isEqualTo(sharedElsewhere + 2);
        assertThat(visibleCount(admin)).isEqualTo(before + 3);

        // and a reset leaves nothing to count
        projector.reset();
        assertThat(visibleCount(admin)).isZero();
    }
}
