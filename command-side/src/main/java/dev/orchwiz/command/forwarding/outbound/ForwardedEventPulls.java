package dev.orchwiz.command.forwarding.outbound;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.api.forwarding.query.FindPullingPeer;
import dev.orchwiz.api.forwarding.query.ForwardingPeerView;
import dev.orchwiz.api.forwarding.query.PullForwardedEvents;
import dev.orchwiz.api.forwarding.query.PulledBatch;
import dev.orchwiz.command.forwarding.inbound.InboundRateLimits;
import dev.orchwiz.command.forwarding.inbound.InboundRefusalCounts;
import dev.orchwiz.command.forwarding.inbound.RefusalGuard;
import dev.orchwiz.command.forwarding.inbound.SignedHeaders;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The origin's side of the signed pull: a peer that misses a range of this node's events asks for it with
 * {@code GET /api/forwarding/events?origin=<this node>&fromSeq=…&toSeq=…}, signed by its own key over
 * {@code GET <raw path>?<raw query>}. The requester is trusted by the public key pinned on its <em>peer</em>
 * registration (being allowed to read this node's events is what registering a peer grants), and is answered with the
 * same batch a push of that range would carry: the peer's event filter and redaction applied, signed by this node's
 * keys. Checks run in the inbox's order, so a stranger learns nothing about ranges: headers (400), time (401),
 * requester (403), signature (401), then parameters (400) and range (416). The push's rate limits apply too: an
 * address with too many refused requests is turned away first, and a verified peer spends one token per pull (429
 * with {@code Retry-After}); every refusal is counted with the push's, under the endpoint {@code pull}. An answer is
 * bounded like a pushed batch: at most {@value #MAX_RANGE} positions and the outbox's batch events and bytes, cut
 * short at the last event that fits (its {@code toSeq} says where; the peer pulls the rest next).
 */
@Component
class ForwardedEventPulls {

    /** The most store positions one pull covers; the receiver asks for at most this many too. */
    static final int MAX_RANGE = 1000;

    /** How long reading the range may take at most; a slower store answers the part read so far. */
    private static final Duration READ_BUDGET = Duration.ofSeconds(10);

    private record Range(long fromSeq, long toSeq) {}

    private final QueryGateway queries;
    private final OutboxParts parts;
    private final InboundRateLimits limits;
    private final RefusalGuard guard;

    ForwardedEventPulls(QueryGateway queries, OutboxParts parts, InboundRateLimits limits, RefusalGuard guard) {
        this.queries = queries;
        this.parts = parts;
        this.limits = limits;
        this.guard = guard;
    }

    @QueryHandler
    public PulledBatch handle(PullForwardedEvents pull) {
        UnaryOperator<String> header = name -> pull.headers().get(name);
        return guard.attempt(
                InboundRefusalCounts.Endpoint.PULL,
                pull.address(),
                header.apply("orchwiz-origin"),
                () -> serve(pull, header));
    }

    private PulledBatch serve(PullForwardedEvents pull, UnaryOperator<String> header) {
        SignedHeaders.assertPresent(header, SignedHeaders.BATCH_HEADERS);
        String requester = header.apply("orchwiz-origin");
        String webhookId = header.apply("webhook-id");
        String timestamp = header.apply("webhook-timestamp");
        SignedHeaders.assertFresh(
                SignedHeaders.millis(SignedHeaders.number(timestamp, "webhook-timestamp")),
                pull.receivedAt(),
                requester);
        ForwardingPeerView peer = queries.query(
                        new FindPullingPeer(requester), ResponseTypes.optionalInstanceOf(ForwardingPeerView.class))
                .join()
                .orElseThrow(() -> SignedHeaders.refused(
                        ForwardingError.UNKNOWN_PEER, requester, "This node forwards to no peer " + requester));
        List<PublicKey> keys =
                ForwardingSignatures.publicKey(peer.publicKey()).stream().toList();
        byte[] signedContent = SignedHeaders.signedPull(pull.rawPath(), pull.rawQuery());
        if (!ForwardingSignatures.verifies(
                header.apply("webhook-signature"), webhookId, timestamp, signedContent, keys)) {
            throw SignedHeaders.refused(
                    ForwardingError.BAD_SIGNATURE, requester, "No signature verifies under the peer's pinned key");
        }
        limits.spendPull(requester);
        String origin = parts.signature().origin();
        Range asked = range(pull.rawQuery(), origin);
        long head = parts.ledger().head();
        if (asked.fromSeq() > head) {
            throw SignedHeaders.refused(
                    ForwardingError.RANGE_NOT_AVAILABLE,
                    requester,
                    "This node's events end at " + head + "; nothing from " + asked.fromSeq() + " on");
        }
        return answer(origin, peer, new Range(asked.fromSeq(), Math.min(asked.toSeq(), head)));
    }

    private PulledBatch answer(String origin, ForwardingPeerView peer, Range range) {
        List<byte[]> events = new ArrayList<>();
        long lastRead = read(peer, range, events);
        byte[] body = OutgoingBatch.body(parts.json(), origin, range.fromSeq(), lastRead, events);
        String webhookId = OutgoingBatch.webhookId(origin, range.fromSeq(), lastRead);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        NodeSignature.Signed signed = parts.signature().sign(webhookId, timestamp, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", webhookId);
        headers.put("webhook-timestamp", timestamp);
        headers.put("webhook-signature", signed.signature());
        headers.put("orchwiz-origin", signed.origin());
        headers.put("orchwiz-key-id", signed.keyId());
        headers.put("orchwiz-seq-range", range.fromSeq() + "-" + lastRead);
        return new PulledBatch(headers, body);
    }

    /**
     * Reads the store from {@code fromSeq} to {@code toSeq}, keeping what the peer's filter wants in its redaction;
     * answers the last position read (below {@code toSeq} when the read budget ran out or the next event would not
     * fit the outbox's batch, in events or bytes; the first event is always taken, as the outbox does, so a pull
     * always advances).
     */
    private long read(ForwardingPeerView peer, Range range, List<byte[]> into) {
        long lastRead = range.fromSeq() - 1;
        long bytes = 256;
        Instant until = Instant.now().plus(READ_BUDGET);
        try (BlockingStream<TrackedEventMessage<?>> stream =
                parts.events().openStream(parts.ledger().tokenBefore(range.fromSeq()))) {
            while (lastRead < range.toSeq()
                    && Instant.now().isBefore(until)
                    && stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                long seq = OutboxLedger.position(message.trackingToken());
                if (seq > range.toSeq()) {
                    break;
                }
                if (seq >= range.fromSeq() && OutgoingEvents.wanted(OutgoingEvents.type(message), peer.eventTypes())) {
                    byte[] event =
                            parts.json().writeValueAsBytes(parts.outgoing().event(message, seq, peer.redaction()));
                    boolean full = into.size() >= parts.settings().batchEvents()
                            || bytes + event.length + 1 > parts.settings().batchBytes();
                    if (full && !into.isEmpty()) {
                        break;
                    }
                    bytes += event.length + 1;
                    into.add(event);
                }
                lastRead = seq;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return Math.max(lastRead, range.fromSeq());
    }

    private static Range range(String rawQuery, String origin) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : (rawQuery == null ? "" : rawQuery).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameAndValue = pair.split("=", 2);
            String name = decode(nameAndValue[0]);
            String value = nameAndValue.length == 2 ? decode(nameAndValue[1]) : "";
            if (parameters.put(name, value) != null) {
                throw invalid(name + " is given twice");
            }
        }
        if (!origin.equals(parameters.get("origin"))) {
            throw invalid("origin must be this node's id, " + origin);
        }
        long fromSeq = position(parameters.get("fromSeq"), "fromSeq");
        String to = parameters.get("toSeq");
        long toSeq = to == null ? fromSeq + MAX_RANGE - 1 : position(to, "toSeq");
        if (toSeq < fromSeq || toSeq - fromSeq >= MAX_RANGE) {
            throw invalid("toSeq must be at least fromSeq and at most fromSeq + " + (MAX_RANGE - 1));
        }
        return new Range(fromSeq, toSeq);
    }

    private static long position(String text, String name) {
        if (text == null) {
            throw invalid(name + " is required");
        }
        try {
            long position = Long.parseLong(text);
            if (position < 0) {
                throw invalid(name + " must not be negative");
            }
            return position;
        } catch (NumberFormatException notANumber) {
            throw invalid(name + " is not a number");
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw invalid("the query is not URL-encoded");
        }
    }

    private static RuntimeException invalid(String detail) {
        return new OutboxRefusal(ForwardingError.INVALID_PULL, detail);
    }
}
