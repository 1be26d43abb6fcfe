package dev.orchwiz.query.forwarding;

import static dev.orchwiz.query.forwarding.SignedBatches.batch;
import static dev.orchwiz.query.forwarding.SignedBatches.event;
import static dev.orchwiz.query.forwarding.SignedBatches.signed;
import static dev.orchwiz.query.forwarding.SignedBatches.trust;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.TestNodes;
import dev.orchwiz.testing.TestDatabase;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long the receiver takes for a batch of 500 events over 250 sessions (two events each), measured from the
 * sender's side and logged, so a change to how batches are folded can be compared; it also checks every event was
 * applied and every session folded into one row.
 */
class ForwardingReceiveTimingIT {

    private static final Logger log = LoggerFactory.getLogger(ForwardingReceiveTimingIT.class);
    private static final int BATCHES = 12;
    private static final int WARM_UP = 4;

    private static ConfigurableApplicationContext node;
    private static NodeClient admin;
    private static NodeClient anonymous;

    @BeforeAll
    static void start() {
        node = TestNodes.start(TestDatabase.create());
        admin = TestNodes.client(node, "admin@example.com", true);
        anonymous = new NodeClient(
                ((WebServerApplicationContext) node).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aBatchOf500EventsOver250SessionsIsTakenInOneRequestAndTimed() {
        KeyPair key = trust(admin, "node-timed");
        List<Long> millis = new ArrayList<>();
        long seq = 1;
        for (int b = 0; b < BATCHES; b++) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int s = 0; s < 250; s++) {
                String session = "t" + b + "-" + s;
                events.add(event("e" + seq, seq++, "SessionStarted", session, Map.of("title", "timed " + s)));
                events.add(event("e" + seq, seq++, "SessionPaused", session, Map.of()));
            }
            String body = batch("node-timed", events);
            Map<String, String> headers =
                    signed("node-timed", key, body, Instant.now().getEpochSecond());
            long started = System.nanoTime();
            NodeClient.Reply reply = anonymous.post("/api/forwarding/events", body, headers);
            long took = (System.nanoTime() - started) / 1_000_000;
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            assertThat(reply.json().get("applied").asInt()).isEqualTo(500);
            if (b >= WARM_UP) {
                millis.add(took);
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        log.info(
                "Forwarded batch of 500 events over 250 sessions: median {} ms, min {} ms, max {} ms ({} batches)",
                sorted.get(sorted.size() / 2),
                sorted.get(0),
                sorted.get(sorted.size() - 1),
                sorted.size());
        NodeClient.Reply sessions = admin.get("/api/forwarding/sessions?sourceNodeId=node-timed&size=1");
        assertThat(sessions.json().get("totalItems").asLong()).isEqualTo(250L * BATCHES);
        NodeClient.Reply one = admin.get("/api/forwarding/sessions/node-timed/t0-7");
        assertThat(one.json().get("eventCount").asLong()).isEqualTo(2);
        assertThat(one.json().get("title").asString()).isEqualTo("timed 7");
        assertThat(one.json().get("status").asString()).isEqualTo("paused");
    }
}
