package dev.orchwiz.command.forwarding.inbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.problem.RetryLater;
import dev.orchwiz.api.problem.RuleViolation;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets for the signed forwarding endpoints, the pushed batches ({@code POST /api/forwarding/events}) and a
 * peer's pulls ({@code GET}). A verified origin spends one token per pushed batch, and a verified peer one per pull,
 * each from its own bucket (a pull does not eat into that node's push allowance), so a stranger who only claims a
 * node's id cannot use up its allowance; a client address spends one token per refused request of either kind, and an
 * address with no tokens left is turned away before anything is verified. The address
 * is the servlet's remote address: the socket's peer, or the client a trusted proxy names when the node is configured
 * to trust one ({@code SERVER_FORWARD_HEADERS_STRATEGY}, docs/reverse-proxy.md); a header alone never moves it.
 * Memory stays bounded: a bucket untouched for a minute has refilled, so it is dropped (a new one is just as full),
 * and past a fixed number of keys the least used ones go too.
 */
@Component
public class InboundRateLimits {

    private static final int MAX_KEYS = 20_000;

    /** The refusal: 429 with {@code Retry-After}. */
    static final class TooManyRequests extends RetryLater {
        TooManyRequests(String detail, Duration wait) {
            super(ForwardingError.RATE_LIMITED, detail, wait);
        }
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_KEYS)
            .expireAfterAccess(Duration.ofMinutes(1))
            .build();
    private final int perOriginPerMinute;
    private final int pullsPerPeerPerMinute;
    private final int failuresPerAddressPerMinute;

    InboundRateLimits(
            @Value("${orchwiz.forwarding.rate-limit.per-origin-per-minute:1200}") int perOriginPerMinute,
            @Value("${orchwiz.forwarding.rate-limit.pulls-per-peer-per-minute:300}") int pullsPerPeerPerMinute,
            @Value("${orchwiz.forwarding.rate-limit.failures-per-address-per-minute:30}")
                    int failuresPerAddressPerMinute) {
        this.perOriginPerMinute = perOriginPerMinute;
        this.pullsPerPeerPerMinute = pullsPerPeerPerMinute;
        this.failuresPerAddressPerMinute = failuresPerAddressPerMinute;
    }

    /** Refuses an address that used up its refused requests, without spending anything. */
    public void assertAddressMayTry(String address) {
        Bucket bucket = bucket("address:" + address, failuresPerAddressPerMinute);
        if (bucket.getAvailableTokens() < 1) {
            Duration wait = Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
            throw new TooManyRequests("Too many refused forwarding requests from this address", wait);
        }
    }

    /** Spends a token of the address for a refused request. */
    void refused(String address) {
        bucket("address:" + address, failuresPerAddressPerMinute).tryConsume(1);
    }

    /**
     * Spends a token of the address when {@code refusal} is one of the signed-request checks ({@link SignedHeaders}:
     * headers, time, sender, signature, range): the kind a prober collects. A 429 costs nothing more, and a request
     * refused for its content after it was verified is the sender's to fix, not a probe.
     */
    public void refused(String address, RuleViolation refusal) {
        if (refusal instanceof InboundRefusal) {
            refused(address);
        }
    }

    /** Spends a token of a verified origin, or refuses the request. */
    void spend(String origin) {
        ConsumptionProbe probe = bucket("origin:" + origin, perOriginPerMinute).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequests(
                    "Origin " + origin + " sent more than " + perOriginPerMinute + " requests in a minute",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** Spends a token of a verified peer pulling this node's events, or refuses the pull. */
    public void spendPull(String peer) {
        ConsumptionProbe probe = bucket("pull:" + peer, pullsPerPeerPerMinute).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequests(
                    "Peer " + peer + " pulled more than " + pullsPerPeerPerMinute + " times in a minute",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket bucket(String key, int perMinute) {
        return buckets.get(key, unused -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build());
    }
}
