package dev.orchwiz.command.forwarding.outbound;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an outbox keeps: its token in Axon's token store (processor {@code forwarding-peer:<id>}, one segment, claimed
 * like any processor's, so of several nodes on one database only one sends to a peer), and beside it, in the same
 * transaction, {@code forwarding_outbox} (position, counts, last success and error) and the peer's dead letters.
 */
@Component
class OutboxLedger {

    /** A dead-lettered batch, as stored. */
    record DeadLetter(long id, OutgoingBatch batch, int attempts) {}

    private final JdbcTemplate jdbc;
    private final TokenStore tokens;
    private final TransactionTemplate transactions;
    private final EventStore events;

    OutboxLedger(
            JdbcTemplate jdbc, TokenStore tokens, PlatformTransactionManager transactionManager, EventStore events) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    static String processor(String peerId) {
        return "forwarding-peer:" + peerId;
    }

    /** Claims the peer's token (made at the start of this node's store the first time); empty if another node holds it. */
    Optional<Claimed> claim(String peerId) {
        try {
            return Optional.of(inTransaction(() -> {
                prepare(peerId);
                return new Claimed(tokens.fetchToken(processor(peerId), 0));
            }));
        } catch (UnableToClaimTokenException heldElsewhere) {
            return Optional.empty();
        }
    }

    /** A claimed token; null {@code token} means from the start of the store, as for a peer never sent to. */
    record Claimed(TrackingToken token) {}

    void extendClaim(String peerId) {
        inTransaction(() -> {
            tokens.extendClaim(processor(peerId), 0);
            return null;
        });
    }

    void releaseClaim(String peerId) {
        try {
            inTransaction(() -> {
                tokens.releaseClaim(processor(peerId), 0);
                return null;
            });
        } catch (RuntimeException alreadyGone) {
            // Released, lost to another node, or the peer was removed: nothing of ours is held any more.
        }
    }

    void delivered(String peerId, TrackingToken token, OutgoingBatch batch) {
        inTransaction(() -> {
            tokens.storeToken(token, processor(peerId), 0);
            jdbc.update("""
                    update forwarding_outbox set position = ?, sent_events = sent_events + ?, last_success_at = now()
                    where peer_id = ?""", batch.toSeq(), batch.events(), UUID.fromString(peerId));
            return null;
        });
    }

    /** Events the peer's filter leaves out move the token without a request. */
    void skipped(String peerId, TrackingToken token, long position) {
        inTransaction(() -> {
            tokens.storeToken(token, processor(peerId), 0);
            jdbc.update(
                    "update forwarding_outbox set position = ? where peer_id = ?", position, UUID.fromString(peerId));
            return null;
        });
    }

    void deadLettered(String peerId, TrackingToken token, OutgoingBatch batch, PeerDelivery.Outcome outcome) {
        inTransaction(() -> {
            tokens.storeToken(token, processor(peerId), 0);
            jdbc.update(
                    """
                    insert into forwarding_dead_letter
                        (peer_id, webhook_id, from_seq, to_seq, events, body, trace_id, status, error, attempts)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""",
                    UUID.fromString(peerId),
                    batch.webhookId(),
                    batch.fromSeq(),
                    batch.toSeq(),
                    batch.events(),
                    batch.body(),
                    batch.traceId(),
                    outcome.status(),
                    outcome.error());
            jdbc.update("""
                    update forwarding_outbox set position = ?, last_error_at = now(), last_error = ?, last_status = ?
                    where peer_id = ?""", batch.toSeq(), outcome.error(), outcome.status(), UUID.fromString(peerId));
            return null;
        });
    }

    void failed(String peerId, PeerDelivery.Outcome outcome) {
        jdbc.update(
                "update forwarding_outbox set last_error_at = now(), last_error = ?, last_status = ? where peer_id = ?",
                outcome.error(),
                outcome.status(),
                UUID.fromString(peerId));
    }

    int resetApplied(String peerId) {
        List<Integer> applied = jdbc.queryForList(
                "select reset_applied from forwarding_outbox where peer_id = ?",
                Integer.class,
                UUID.fromString(peerId));
        return applied.isEmpty() ? 0 : applied.get(0);
    }

    /**
     * Moves the peer's token so that the next event sent is the one at global index {@code position}; false when
     * another node holds the claim (it sees the reset too, stops, and this is tried again).
     */
    boolean reset(String peerId, long position, int resetCount) {
        try {
            return inTransaction(() -> {
                prepare(peerId);
                String name = processor(peerId);
                tokens.fetchToken(name, 0);
                tokens.storeToken(tokenBefore(position), name, 0);
                tokens.releaseClaim(name, 0);
                jdbc.update(
                        "update forwarding_outbox set reset_applied = ?, position = ? where peer_id = ?",
                        resetCount,
                        position == 0 ? null : position - 1,
                        UUID.fromString(peerId));
                return true;
            });
        } catch (UnableToClaimTokenException heldElsewhere) {
            return false;
        }
    }

    /** A removed peer leaves nothing: its token, its outbox row, its dead letters. */
    void forget(String peerId) {
        inTransaction(() -> {
            jdbc.update("delete from token_entry where processor_name = ?", processor(peerId));
            jdbc.update("delete from forwarding_dead_letter where peer_id = ?", UUID.fromString(peerId));
            jdbc.update("delete from forwarding_outbox where peer_id = ?", UUID.fromString(peerId));
            return null;
        });
    }

    /** Peers that have an outbox row here, removed or not. */
    List<String> peersWithOutbox() {
        return jdbc.queryForList("select peer_id from forwarding_outbox", UUID.class).stream()
                .map(UUID::toString)
                .toList();
    }

    Optional<DeadLetter> deadLetter(String peerId, long id) {
        return jdbc
                .query(
                        "select * from forwarding_dead_letter where id = ? and peer_id = ?",
                        (rs, n) -> new DeadLetter(
                                rs.getLong("id"),
                                new OutgoingBatch(
                                        rs.getString("webhook_id"),
                                        rs.getLong("from_seq"),
                                        rs.getLong("to_seq"),
                                        rs.getInt("events"),
                                        rs.getBytes("body"),
                                        rs.getString("trace_id")),
                                rs.getInt("attempts")),
                        id,
                        UUID.fromString(peerId))
                .stream()
                .findFirst();
    }

    void redelivered(String peerId, DeadLetter letter) {
        inTransaction(() -> {
            jdbc.update("delete from forwarding_dead_letter where id = ?", letter.id());
            jdbc.update("""
                    update forwarding_outbox set sent_events = sent_events + ?, last_success_at = now()
                    where peer_id = ?""", letter.batch().events(), UUID.fromString(peerId));
            return null;
        });
    }

    void refusedAgain(DeadLetter letter, PeerDelivery.Outcome outcome) {
        jdbc.update(
                """
                update forwarding_dead_letter set attempts = attempts + 1, last_attempt_at = ?, status = ?, error = ?
                where id = ?""",
                Timestamp.from(Instant.now()),
                outcome.status() == null ? 0 : outcome.status(),
                outcome.error(),
                letter.id());
    }

    /** The newest global index in this node's store, for the lag. */
    long head() {
        return position(events.createHeadToken());
    }

    static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    TrackingToken tokenBefore(long position) {
        if (position == 0) {
            return null;
        }
        return events.createHeadToken() instanceof GlobalSequenceTrackingToken
                ? new GlobalSequenceTrackingToken(position - 1)
                : GapAwareTrackingToken.newInstance(position - 1, List.of());
    }

    private void prepare(String peerId) {
        jdbc.update(
                "insert into forwarding_outbox (peer_id) values (?) on conflict (peer_id) do nothing",
                UUID.fromString(peerId));
        String name = processor(peerId);
        if (tokens.fetchSegments(name).length == 0) {
            tokens.initializeTokenSegments(name, 1, null);
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
