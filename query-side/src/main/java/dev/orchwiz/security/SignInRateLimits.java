package dev.orchwiz.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets for sign-in attempts, per client address and per account. Memory stays bounded: the least recently
 * used buckets are dropped past a fixed number of keys (a dropped bucket is simply full again).
 */
@Component
class SignInRateLimits {

    private static final int MAX_KEYS = 20_000;

    private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    });
    private final int perAddressPerMinute;
    private final int perAccountPerQuarterHour;

    SignInRateLimits(
            @Value("${orchwiz.security.rate-limit.per-address-per-minute:30}") int perAddressPerMinute,
            @Value("${orchwiz.security.rate-limit.per-account-per-15-minutes:6}") int perAccountPerQuarterHour) {
        this.perAddressPerMinute = perAddressPerMinute;
        this.perAccountPerQuarterHour = perAccountPerQuarterHour;
    }

    /** Empty when the attempt may go ahead, else how long to wait. */
    Optional<Duration> forAddress(String address) {
        return consume("ip:" + address, perAddressPerMinute, Duration.ofMinutes(1));
    }

    Optional<Duration> forAccount(String email) {
        return consume("account:" + email, perAccountPerQuarterHour, Duration.ofMinutes(15));
    }

    private Optional<Duration> consume(String key, int capacity, Duration period) {
        Bucket bucket = buckets.computeIfAbsent(key, unused -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(capacity, period)
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
