package dev.orchwiz.command.forwarding.inbound;

import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.api.forwarding.query.FindThisNode;
import dev.orchwiz.api.forwarding.query.ThisNodeView;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.command.forwarding.NodeSigningKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Fills a gap that outlived {@code orchwiz.forwarding.gap-pull-after}: asks the origin for the missing range with a
 * signed pull ({@code GET <pullUrl>?origin=…&fromSeq=…&toSeq=…}, signed by this node's current key over
 * {@code GET <path>?<query>}), and takes the answer, itself a batch signed by the origin, through the same
 * {@link ForwardingInbox#receiveBatch} a push goes through: the same checks, the same exactly-once application. Only
 * sources registered with a pull address are asked; a pull that fails is logged and tried again next round.
 */
@Component
class WhenAGapPersistsThenPullIt {

    private static final Logger log = LoggerFactory.getLogger(WhenAGapPersistsThenPullIt.class);

    /** The most gaps asked for in one round, so one origin with many holes cannot hold the others back long. */
    private static final int GAPS_PER_ROUND = 20;

    private static final int MAX_RANGE = 1000;

    record PersistingGap(String origin, String pullUrl, long fromSeq, long toSeq) {}

    private final JdbcTemplate jdbc;
    private final QueryGateway queries;
    private final NodeSigningKeys keys;
    private final ForwardingInbox inbox;
    private final Duration after;
    private final int maxAnswerBytes;
    /**
     * Built on the first pull: the first client of the JVM parses the JDK's trust store (~0.2 CPU s), which a node's
     * start need not pay while no gap persists.
     */
    private final SingletonSupplier<HttpClient> http = SingletonSupplier.of(
            () -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());

    WhenAGapPersistsThenPullIt(
            JdbcTemplate jdbc,
            QueryGateway queries,
            NodeSigningKeys keys,
            ForwardingInbox inbox,
            @Value("${orchwiz.forwarding.gap-pull-after:PT30S}") Duration after,
            @Value("${orchwiz.web.max-request-bytes:4194304}") long maxAnswerBytes) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.keys = keys;
        this.inbox = inbox;
        this.after = after;
        // A pulled answer is bounded like a pushed batch: an origin, even a trusted one, cannot make this node buffer
        // more than it would accept in one request.
        this.maxAnswerBytes = (int) Math.min(maxAnswerBytes, Integer.MAX_VALUE - 8);
    }

    @Scheduled(
            fixedDelayString = "${orchwiz.forwarding.gap-pull-interval:PT10S}",
            initialDelayString = "${orchwiz.forwarding.gap-pull-interval:PT10S}")
    void pullPersistingGaps() {
        List<PersistingGap> gaps = jdbc.query(
                """
                select g.node_id, s.pull_url, g.from_seq, g.to_seq
                from forwarding_gap g join forwarding_source s on s.node_id = g.node_id
                where s.enabled and s.kind = 'PUBLIC_KEY' and s.pull_url is not null
                  and g.noticed_at < now() - make_interval(secs => ?)
                order by g.noticed_at limit ?""",
                (rs, n) -> new PersistingGap(
                        rs.getString("node_id"),
                        rs.getString("pull_url"),
                        rs.getLong("from_seq"),
                        rs.getLong("to_seq")),
                (double) after.toMillis() / 1000,
                GAPS_PER_ROUND);
        if (gaps.isEmpty()) {
            return;
        }
        ThisNodeView self = queries.query(new FindThisNode(), ResponseTypes.instanceOf(ThisNodeView.class))
                .join();
        Optional<PrivateKey> key = Optional.ofNullable(self.keyId()).flatMap(keys::privateKey);
        if (self.nodeId() == null || key.isEmpty()) {
            return;
        }
        for (PersistingGap gap : gaps) {
            pull(gap, self.nodeId(), key.get());
        }
    }

    private void pull(PersistingGap gap, String self, PrivateKey key) {
        long toSeq = Math.min(gap.toSeq(), gap.fromSeq() + MAX_RANGE - 1);
        URI base = URI.create(gap.pullUrl());
        String query = "origin=" + URLEncoder.encode(gap.origin(), StandardCharsets.UTF_8) + "&fromSeq=" + gap.fromSeq()
                + "&toSeq=" + toSeq;
        URI uri = base.resolve(base.getRawPath() + "?" + query);
        String id = "pull_" + UUID.randomUUID();
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] signed = signedRequest(uri);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("webhook-id", id)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", ForwardingSignatures.sign(key, id, timestamp, signed))
                .header("orchwiz-origin", self)
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.obtain().send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream answer = response.body()) {
                if (response.statusCode() != 200) {
                    log.info("Pull of {}#{}–{} answered {}", gap.origin(), gap.fromSeq(), toSeq, response.statusCode());
                    return;
                }
                body = answer.readNBytes(maxAnswerBytes + 1);
            }
            if (body.length > maxAnswerBytes) {
                // Read no further and apply nothing: the gap stays and is asked again, and the log says why.
                log.warn(
                        "Pull of {}#{}–{} answered more than {} bytes; not applied",
                        gap.origin(),
                        gap.fromSeq(),
                        toSeq,
                        maxAnswerBytes);
                return;
            }
            ForwardingInbox.BatchReceipt receipt = inbox.receiveBatch(
                    name -> response.headers().firstValue(name).orElse(null), body, Instant.now());
            log.info(
                    "Pulled {}#{}–{}: {} applied, high-water mark {}",
                    gap.origin(),
                    gap.fromSeq(),
                    toSeq,
                    receipt.applied(),
                    receipt.highWaterMark());
        } catch (IOException | RuleViolation failed) {
            // A refused answer (bad signature, wrong origin) is as good as none: the gap stays and is asked again.
            log.info("Pull of {}#{}–{} failed: {}", gap.origin(), gap.fromSeq(), toSeq, failed.toString());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a pull's signature covers: its method and its path with the query, as sent. */
    static byte[] signedRequest(URI uri) {
        return SignedHeaders.signedPull(uri.getRawPath(), uri.getRawQuery());
    }
}
