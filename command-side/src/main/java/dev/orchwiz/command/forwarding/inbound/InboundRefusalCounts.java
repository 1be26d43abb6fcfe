package dev.orchwiz.command.forwarding.inbound;

import dev.orchwiz.api.forwarding.query.InboundRefusalPage;
import dev.orchwiz.api.forwarding.query.InboundRefusalView;
import dev.orchwiz.api.forwarding.query.ListInboundRefusals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts refused forwarded requests per endpoint (a pushed batch or a peer's pull) and claimed origin, in memory and
 * per process (they are for the Nodes page, not a record): the first {@value #MAX_ORIGINS} origins are counted by
 * name, any further one under {@code (other)}, so a stranger inventing origin ids cannot grow the map. The metric
 * {@code orchwiz.forwarding.inbound.refused} counts the same refusals by endpoint and code only, since origin names
 * are chosen by the sender.
 */
@Component
public class InboundRefusalCounts {

    static final int MAX_ORIGINS = 1000;
    static final String OTHER = "(other)";
    static final String UNNAMED = "(unnamed)";

    /** Where a refused request came in; its wire name is the metric's {@code endpoint} tag and the list's field. */
    public enum Endpoint {
        /** {@code POST /api/forwarding/events}: batches or single events an origin sends. */
        PUSH,
        /** {@code GET /api/forwarding/events}: a peer pulling a range of this node's events. */
        PULL;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private record Key(Endpoint endpoint, String origin) {}

    private record Tally(long refused, String lastCode, Instant lastRefusedAt) {

        Tally plus(String code, Instant at) {
            return new Tally(refused + 1, code, at);
        }
    }

    private final ConcurrentHashMap<Key, Tally> tallies = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;

    @Autowired
    InboundRefusalCounts(MeterRegistry meters) {
        this(meters, Clock.systemUTC());
    }

    InboundRefusalCounts(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * One refusal on {@code endpoint} of a request that named {@code origin} (null when it named none), with its error
     * code.
     */
    public void count(Endpoint endpoint, String origin, String code) {
        Counter.builder("orchwiz.forwarding.inbound.refused")
                .description("Forwarded requests this node refused, by endpoint (push or pull) and error code")
                .tag("endpoint", endpoint.wireName())
                .tag("code", code)
                .register(meters)
                .increment();
        Key key = key(endpoint, origin);
        Instant now = clock.instant();
        tallies.merge(key, new Tally(1, code, now), (known, added) -> known.plus(code, now));
    }

    private Key key(Endpoint endpoint, String origin) {
        if (origin == null || origin.isBlank()) {
            return new Key(endpoint, UNNAMED);
        }
        boolean plain = origin.length() <= 200 && origin.chars().allMatch(c -> c >= ' ' && c <= '~');
        if (!plain) {
            return new Key(endpoint, OTHER);
        }
        // Past the bound, only origins already counted keep their own row (a race may admit a few more: harmless).
        Key named = new Key(endpoint, origin);
        return tallies.containsKey(named) || tallies.size() < MAX_ORIGINS ? named : new Key(endpoint, OTHER);
    }

    @QueryHandler
    public InboundRefusalPage handle(ListInboundRefusals query) {
        List<InboundRefusalView> all = tallies.entrySet().stream()
                .map(entry -> new InboundRefusalView(
                        entry.getKey().origin(),
                        entry.getKey().endpoint().wireName(),
                        entry.getValue().refused(),
                        entry.getValue().lastCode(),
                        entry.getValue().lastRefusedAt()))
                .sorted(Comparator.comparingLong(InboundRefusalView::refused)
                        .reversed()
                        .thenComparing(InboundRefusalView::origin)
                        .thenComparing(InboundRefusalView::endpoint))
                .toList();
        return query.slice(all, InboundRefusalPage::new);
    }
}
