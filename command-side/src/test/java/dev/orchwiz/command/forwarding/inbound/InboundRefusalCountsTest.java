package dev.orchwiz.command.forwarding.inbound;

import static dev.orchwiz.command.forwarding.inbound.InboundRefusalCounts.Endpoint.PULL;
import static dev.orchwiz.command.forwarding.inbound.InboundRefusalCounts.Endpoint.PUSH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.api.forwarding.query.InboundRefusalPage;
import dev.orchwiz.api.forwarding.query.InboundRefusalView;
import dev.orchwiz.api.forwarding.query.ListInboundRefusals;
import dev.orchwiz.api.identity.Actor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class InboundRefusalCountsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InboundRefusalCounts counts =
            new InboundRefusalCounts(meters, Clock.fixed(Instant.parse("2026-12-06T18:00:00Z"), ZoneOffset.UTC));

    private InboundRefusalPage page(int page, int size) {
        return counts.handle(new ListInboundRefusals(Actor.LOCAL_OPERATOR, page, size));
    }

    @Test
    void countsPerOriginMostRefusedFirstWithTheLastCodeAndPagesThem() {
        // given
        counts.count(PUSH, "node-a", "FORWARDING_BAD_SIGNATURE");
        counts.count(PUSH, "node-b", "FORWARDING_BAD_SIGNATURE");
        counts.count(PUSH, "node-b", "FORWARDING_STALE_TIMESTAMP");
        counts.count(PUSH, null, "FORWARDING_MISSING_HEADER");

        // when
        InboundRefusalPage first = page(0, 2);
        InboundRefusalPage last = page(1, 2);

        // then
        assertThat(first.totalItems()).isEqualTo(3);
        assertThat(first.totalPages()).isEqualTo(2);
        assertThat(first.items())
                .containsExactly(
                        new InboundRefusalView(
                                "node-b",
                                "push",
                                2,
                                "FORWARDING_STALE_TIMESTAMP",
                                Instant.parse("2026-12-06T18:00:00Z")),
                        new InboundRefusalView(
                                "(unnamed)",
                                "push",
                                1,
                                "FORWARDING_MISSING_HEADER",
                                Instant.parse("2026-12-06T18:00:00Z")));
        assertThat(last.items()).extracting(InboundRefusalView::origin).containsExactly("node-a");
        assertThat(page(5, 2).items()).isEmpty();
        assertThat(meters.get("orchwiz.forwarding.inbound.refused")
                        .tag("endpoint", "push")
                        .tag("code", "FORWARDING_BAD_SIGNATURE")
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void countsAPeersRefusedPullsApartFromTheSameNodesRefusedPushes() {
        // given node-a refused twice as a pusher and once as a puller
        counts.count(PUSH, "node-a", "FORWARDING_BAD_SIGNATURE");
        counts.count(PUSH, "node-a", "FORWARDING_BAD_SIGNATURE");
        counts.count(PULL, "node-a", "FORWARDING_RATE_LIMITED");

        // when
        InboundRefusalPage page = page(0, 10);

        // then each endpoint has its own row and its own metric
        assertThat(page.items())
                .extracting(InboundRefusalView::endpoint, InboundRefusalView::refused, InboundRefusalView::lastCode)
                .containsExactly(
                        Tuple.tuple("push", 2L, "FORWARDING_BAD_SIGNATURE"),
                        Tuple.tuple("pull", 1L, "FORWARDING_RATE_LIMITED"));
        assertThat(meters.get("orchwiz.forwarding.inbound.refused")
                        .tag("endpoint", "pull")
                        .tag("code", "FORWARDING_RATE_LIMITED")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.find("orchwiz.forwarding.inbound.refused")
                        .tag("endpoint", "pull")
                        .tag("code", "FORWARDING_BAD_SIGNATURE")
                        .counter())
                .isNull();
    }

    @Test
    void keepsAtMostAThousandNamedOriginsAndGathersTheRestAndUnprintableNamesUnderOther() {
        // given a stranger inventing origin ids
        for (int i = 0; i < InboundRefusalCounts.MAX_ORIGINS + 500; i++) {
            counts.count(PUSH, "invented-" + i, "FORWARDING_UNKNOWN_ORIGIN");
        }

        // when an origin counted before the bound and a control-character name are refused again
        counts.count(PUSH, "invented-0", "FORWARDING_UNKNOWN_ORIGIN");
        counts.count(PUSH, "bad\nname", "FORWARDING_MISSING_HEADER");

        // then
        InboundRefusalPage page = page(0, 2);
        assertThat(page.totalItems()).isEqualTo(InboundRefusalCounts.MAX_ORIGINS + 1);
        assertThat(page.items().get(0).origin()).isEqualTo("(other)");
        assertThat(page.items().get(0).refused()).isEqualTo(501);
        assertThat(page.items().get(1).origin()).isEqualTo("invented-0");
        assertThat(page.items().get(1).refused()).isEqualTo(2);
    }
}
