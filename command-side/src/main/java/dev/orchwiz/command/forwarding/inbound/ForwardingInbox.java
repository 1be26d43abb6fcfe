package dev.orchwiz.command.forwarding.inbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.api.forwarding.SourceKind;
import dev.orchwiz.api.forwarding.query.FindSourceCredentials;
import dev.orchwiz.api.forwarding.query.SequenceGap;
import dev.orchwiz.api.forwarding.query.SourceCredentials;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Takes in what trusted origins forward. A request is verified completely before anything is written (headers, time,
 * origin, signature, body); then one JDBC transaction records each event in the inbox under {@code (origin, eventId)},
 * folds only the new ones into the forwarded views, and moves the origin's mark. The caller answers after that
 * transaction committed, so a 2xx means stored, and a retry of the same events changes nothing.
 */
@Component
public class ForwardingInbox {

    private static final Logger log = LoggerFactory.getLogger(ForwardingInbox.class);

    static final Duration TOLERANCE = SignedHeaders.TOLERANCE;

    /** A nonce outlives every request that could still pass the time check with it (±5 minutes around its own). */
    private static final Duration NONCE_LIFETIME = TOLERANCE.multipliedBy(2);

    /** The advisory lock key that orders inbox transactions (an arbitrary constant no other lock uses). */
    private static final long RECEIPT_ORDER_LOCK = 0x0F0A_2017L;

    static final List<String> BATCH_HEADERS = SignedHeaders.BATCH_HEADERS;

    static final List<String> ORIGINAL_HEADERS = List.of(
            "x-orchwiz-source-node",
            "x-orchwiz-api-key",
            "x-orchwiz-timestamp",
            "x-orchwiz-nonce",
            "x-orchwiz-signature");

    /**
     * A batch's events in one statement, in the batch's order, answering the ids it stored: one statement of 500 rows
     * costs the database a fraction of 500 executions of a one-row insert, which were most of a batch's time there.
     * A batch that names one event twice stores its first row; the second meets the first's key and is skipped.
     */
    private static final String INSERT_INBOX = """
            insert into forwarding_inbox
                (origin, event_id, seq, type, aggregate_type, aggregate_id, occurred_at, payload)
            select ?, e.event_id, e.seq, e.type, e.aggregate_type, e.aggregate_id, e.occurred_at, cast(e.payload as jsonb)
            from unnest(cast(? as text[]), cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                        cast(? as timestamptz[]), cast(? as text[]))
                with ordinality as e(event_id, seq, type, aggregate_type, aggregate_id, occurred_at, payload, position)
            order by e.position
            on conflict (origin, event_id) do nothing
            returning event_id""";

    /** What a batch did: every event is either newly applied or was already here. */
    public record BatchReceipt(int received, int applied, int duplicates, Long highWaterMark, List<SequenceGap> gaps) {}

    /** The original OrchWiz's answer, so its senders read it unchanged. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SingleReceipt(boolean received, String eventId, Boolean duplicate, String dedupeKey) {}

    private final JdbcTemplate jdbc;
    private final QueryGateway queries;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final ForwardedViews views;
    private final OriginMarks marks;
    private final int maxBatchEvents;
    private final InboundRateLimits limits;

    ForwardingInbox(
            JdbcTemplate jdbc,
            QueryGateway queries,
            PlatformTransactionManager transactionManager,
            ObjectMapper json,
            ForwardedViews views,
            OriginMarks marks,
            @Value("${orchwiz.forwarding.max-batch-events:1000}") int maxBatchEvents,
            InboundRateLimits limits) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.views = views;
        this.marks = marks;
        this.maxBatchEvents = maxBatchEvents;
        this.limits = limits;
    }

    /** Whether a request uses the original OrchWiz's headers rather than Standard Webhooks'. */
    public static boolean isOriginalFormat(UnaryOperator<String> header) {
        return header.apply("webhook-signature") == null
                && ORIGINAL_HEADERS.stream().anyMatch(name -> header.apply(name) != null);
    }

    /** A signed batch: Standard Webhooks headers with an ed25519 signature under one of the origin's pinned keys. */
    public BatchReceipt receiveBatch(UnaryOperator<String> header, byte[] body, Instant now) {
        SignedHeaders.assertPresent(header, BATCH_HEADERS);
        String webhookId = header.apply("webhook-id");
        String timestamp = header.apply("webhook-timestamp");
        String origin = header.apply("orchwiz-origin");
        SignedHeaders.assertFresh(
                SignedHeaders.millis(SignedHeaders.number(timestamp, "webhook-timestamp")), now, origin);
        List<PublicKey> keys = credentials(origin, SourceKind.PUBLIC_KEY).stream()
                .flatMap(key -> ForwardingSignatures.publicKey(key).stream())
                .toList();
        if (keys.isEmpty()) {
            throw refused(ForwardingError.UNKNOWN_ORIGIN, origin, "This node does not trust origin " + origin);
        }
        if (!ForwardingSignatures.verifies(header.apply("webhook-signature"), webhookId, timestamp, body, keys)) {
            throw refused(ForwardingError.BAD_SIGNATURE, origin, "No signature verifies under the origin's keys");
        }
        limits.spend(origin);
        ForwardedBatch.Contents contents = ForwardedBatch.read(json, body, origin, maxBatchEvents);
        List<ForwardedEvent> events = contents.events();
        return transactions.execute(status -> {
            takeReceiptOrder();
            marks.touch(origin);
            int applied = record(origin, events);
            OriginMarks.Mark mark = marks.advance(origin, contents);
            return new BatchReceipt(events.size(), applied, events.size() - applied, mark.highWater(), mark.gaps());
        });
    }

    /**
     * The original OrchWiz's single event: its api key (matched by hash), an HMAC over timestamp, nonce and body, and
     * a nonce that is consumed only once the request proved valid (a refused request leaves it usable).
     */
    public SingleReceipt receiveSingle(UnaryOperator<String> header, byte[] body, Instant now) {
        SignedHeaders.assertPresent(header, ORIGINAL_HEADERS);
        String origin = header.apply("x-orchwiz-source-node");
        String apiKey = header.apply("x-orchwiz-api-key");
        String timestamp = header.apply("x-orchwiz-timestamp");
        String nonce = header.apply("x-orchwiz-nonce");
        SignedHeaders.assertFresh(SignedHeaders.number(timestamp, "x-orchwiz-timestamp"), now, origin);
        List<String> hashes = credentials(origin, SourceKind.API_KEY);
        if (hashes.isEmpty()) {
            throw refused(ForwardingError.UNKNOWN_ORIGIN, origin, "This node does not trust origin " + origin);
        }
        boolean keyMatches = hashes.stream().anyMatch(hash -> ForwardingSignatures.sha256Matches(apiKey, hash));
        if (!keyMatches
                || !ForwardingSignatures.hmacMatches(
                        header.apply("x-orchwiz-signature"), apiKey, timestamp, nonce, body)) {
            throw refused(ForwardingError.BAD_SIGNATURE, origin, "The api key or the signature does not match");
        }
        limits.spend(origin);
        ForwardedEvent event = OriginalFormatEvent.read(json, body, origin, now);
        return transactions.execute(status -> {
            takeReceiptOrder();
            consumeNonce(origin, nonce, now);
            marks.touch(origin);
            boolean applied = record(origin, List.of(event)) == 1;
            return applied
                    ? new SingleReceipt(true, event.eventId(), null, event.eventId())
                    : new SingleReceipt(true, null, true, event.eventId());
        });
    }

    /**
     * One inbox transaction at a time numbers its events ({@code receipt}), so they become visible in that order and
     * the event stream can resume after a receipt number without missing one committed late. The lock is held to the
     * end of the transaction; it is taken before the origin's row, in every transaction, so the two never deadlock.
     */
    private void takeReceiptOrder() {
        jdbc.execute("select pg_advisory_xact_lock(" + RECEIPT_ORDER_LOCK + ")");
    }

    private int record(String origin, List<ForwardedEvent> events) {
        int size = events.size();
        String[] ids = new String[size];
        Long[] seqs = new Long[size];
        String[] types = new String[size];
        String[] aggregateTypes = new String[size];
        String[] aggregateIds = new String[size];
        // Instants as ISO-8601 text with their offset: the database reads them exactly, whatever either time zone.
        String[] times = new String[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            ForwardedEvent event = events.get(i);
            ids[i] = event.eventId();
            seqs[i] = event.seq();
            types[i] = event.type();
            aggregateTypes[i] = event.aggregateType();
            aggregateIds[i] = event.aggregateId();
            times[i] = event.occurredAt().toString();
            payloads[i] = json.writeValueAsString(event.payload());
        }
        Set<String> stored = new HashSet<>(jdbc.query(
                INSERT_INBOX,
                statement -> {
                    Connection connection = statement.getConnection();
                    statement.setString(1, origin);
                    statement.setArray(2, connection.createArrayOf("text", ids));
                    statement.setArray(3, connection.createArrayOf("bigint", seqs));
                    statement.setArray(4, connection.createArrayOf("text", types));
                    statement.setArray(5, connection.createArrayOf("text", aggregateTypes));
                    statement.setArray(6, connection.createArrayOf("text", aggregateIds));
                    statement.setArray(7, connection.createArrayOf("text", times));
                    statement.setArray(8, connection.createArrayOf("text", payloads));
                },
                (rs, n) -> rs.getString(1)));
        List<ForwardedEvent> fresh = new ArrayList<>(stored.size());
        for (ForwardedEvent event : events) {
            // A batch may name one event twice: only its first row is new, so it is folded once.
            if (stored.remove(event.eventId())) {
                fresh.add(event);
            }
        }
        views.apply(origin, fresh);
        return fresh.size();
    }

    private void consumeNonce(String origin, String nonce, Instant now) {
        jdbc.update(
                "delete from forwarding_nonce where origin = ? and received_at < ?",
                origin,
                Timestamp.from(now.minus(NONCE_LIFETIME)));
        try {
            jdbc.update(
                    "insert into forwarding_nonce (origin, nonce, received_at) values (?, ?, ?)",
                    origin,
                    nonce,
                    Timestamp.from(now));
        } catch (DuplicateKeyException replayed) {
            throw refused(ForwardingError.NONCE_REPLAYED, origin, "This nonce was already used");
        }
    }

    private List<String> credentials(String origin, SourceKind kind) {
        return queries.query(new FindSourceCredentials(origin, kind), ResponseTypes.instanceOf(SourceCredentials.class))
                .join()
                .credentials();
    }

    private static InboundRefusal refused(ForwardingError error, String origin, String detail) {
        return (InboundRefusal) SignedHeaders.refused(error, origin, detail);
    }
}
