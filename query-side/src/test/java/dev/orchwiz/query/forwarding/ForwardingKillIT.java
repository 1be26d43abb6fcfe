package dev.orchwiz.query.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orchwiz.ChildNode;
import dev.orchwiz.NodeClient;
import dev.orchwiz.TestNodes;
import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14's "A is killed with kill -9 mid-batch and restarted, and everything arrives exactly once", with node A as a
 * real process ({@link ChildNode}) and node B in this JVM. A's batches reach B through a relay that, once, lets B take
 * a batch and then holds B's answer: A is SIGKILLed while it waits for it, so B has committed a batch that A never
 * recorded as sent. A restarts on the same database and home, sends that range again, B's inbox absorbs it, and B
 * ends with exactly A's events, each remote session counting exactly A's events for it.
 *
 * <p>A's history is made before its process starts, by the same node in this JVM (the process is then only the
 * sender), with a small batch size so that the replay takes many batches.
 */
class ForwardingKillIT {

    private static final Logger log = LoggerFactory.getLogger(ForwardingKillIT.class);

    private static final int SESSIONS = 60;
    private static final int BATCH_EVENTS = 10;
    /** The batch whose answer is held while A is killed: a few in, so that B has some of A's events already. */
    private static final int HELD_BATCH = 3;

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    static Path homeA;

    private static TestDatabase.Database databaseA;
    private static ConfigurableApplicationContext nodeB;
    private static NodeClient adminB;
    private static Relay relay;
    private static ChildNode processA;
    private static String idA;

    @BeforeAll
    static void start() {
        ChildNode.jar();
        nodeB = TestNodes.start(TestDatabase.create(), "--orchwiz.node.name=node-b");
        adminB = TestNodes.client(nodeB, "admin@b.example.com", true);
        relay = new Relay("http://127.0.0.1:" + TestNodes.port(nodeB));
        databaseA = TestDatabase.create();
    }

    @AfterAll
    static void stop() {
        if (processA != null) {
            processA.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aNodeKilledMidBatchAndRestartedDeliversEveryEventExactlyOnce() {
        // given A's history, B trusting A, and A forwarding to B through the relay (closed for now: 503)
        int sessions = fillA();
        long made = eventsOfA().size();
        assertThat(made).isGreaterThan(4L * BATCH_EVENTS);

        // when A runs as a process and is killed with SIGKILL while B's answer to a batch is held back
        relay.holdAnswerOf(HELD_BATCH);
        long started = System.nanoTime();
        processA = startA();
        log.info("Node A's process started in {} ms", (System.nanoTime() - started) / 1_000_000);
        await().atMost(PATIENCE).until(relay::holding);
        long beforeKill = inboxOfB().size();
        int status = processA.kill();
        relay.release();

        // then A died of the signal, in the middle of its stream: B had taken some of A's events, not all
        assertThat(status).as("exit status of SIGKILL").isEqualTo(137);
        assertThat(beforeKill).isGreaterThanOrEqualTo(HELD_BATCH).isLessThan(made);

        // when A starts again on the same database and home
        started = System.nanoTime();
        processA = startA();
        log.info("Node A's process started again in {} ms", (System.nanoTime() - started) / 1_000_000);

        // then everything arrives, exactly once: the range B took while A was dying is sent again and absorbed
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(inboxOfB())
                .as("B's inbox; A's log ends:%n%s", processA.logTail())
                .containsExactlyElementsOf(eventsOfA()));
        log.info("B has all {} events of A {} ms after A's restart", made, (System.nanoTime() - started) / 1_000_000);
        assertThat(relay.duplicatesAfterRelease())
                .as("events B answered as already held after A's restart")
                .isPositive();
        List<Map<String, Object>> perSessionOnA = a().queryForList("""
                select aggregate_identifier as session, count(*) as events from domain_event_entry
                where type = 'Session' group by aggregate_identifier order by aggregate_identifier""");
        List<Map<String, Object>> perSessionOnB = b().queryForList("""
                select session_id as session, event_count as events from forwarded_session where origin = ?
                order by session_id""", idA);
        assertThat(perSessionOnB).hasSize(sessions).containsExactlyElementsOf(perSessionOnA);
    }

    /** Makes A's history with A in this JVM, registers B as its peer at the relay, and stops A gracefully. */
    private static int fillA() {
        try (ConfigurableApplicationContext inProcess =
                TestNodes.start(databaseA, "--orchwiz.home=" + homeA.toAbsolutePath(), "--orchwiz.node.name=node-a")) {
            NodeClient adminA = TestNodes.client(inProcess, "admin@a.example.com", true);
            NodeClient userA = TestNodes.client(inProcess, "user@a.example.com", false);
            JsonNode selfA = adminA.get("/api/nodes/self").json();
            idA = selfA.get("id").asString();
            NodeClient.Reply trusted = adminB.post(
                    "/api/forwarding/sources",
                    NodeClient.json(Map.of(
                            "nodeId", idA, "publicKey", selfA.get("publicKey").asString())));
            assertThat(trusted.status()).as(trusted.raw()).isEqualTo(201);
            JsonNode selfB = adminB.get("/api/nodes/self").json();
            NodeClient.Reply registered = adminA.post(
                    "/api/forwarding/peers",
                    NodeClient.json(Map.of(
                            "url", relay.url(),
                            "nodeId", selfB.get("id").asString(),
                            "publicKey", selfB.get("publicKey").asString())));
            assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
            for (int i = 0; i < SESSIONS; i++) {
                NodeClient.Reply made =
                        userA.post("/api/sessions", NodeClient.json(Map.of("title", "before the kill " + i)));
                assertThat(made.status()).as(made.raw()).isEqualTo(201);
            }
        }
        assertThat(inboxOfB()).as("nothing passes the closed relay").isEmpty();
        return SESSIONS;
    }

    private static ChildNode startA() {
        return ChildNode.start(
                databaseA,
                homeA,
                "--orchwiz.node.name=node-a",
                "--orchwiz.forwarding.outbound.batch-events=" + BATCH_EVENTS,
                "--orchwiz.forwarding.outbound.backoff-initial=PT0.1S",
                "--orchwiz.forwarding.outbound.backoff-max=PT0.5S",
                "--orchwiz.forwarding.outbound.reconcile-interval=PT0.2S",
                // The killed process's claims lapse after this; the default 10 s would only make the test wait.
                "--axon.eventhandling.tokenstore.claim-timeout=3s");
    }

    private static JdbcTemplate a() {
        return new JdbcTemplate(
                new DriverManagerDataSource(databaseA.jdbcUrl(), databaseA.username(), databaseA.password()));
    }

    private static JdbcTemplate b() {
        return nodeB.getBean(JdbcTemplate.class);
    }

    private static List<String> eventsOfA() {
        return a().queryForList(
                        "select event_identifier from domain_event_entry order by event_identifier", String.class);
    }

    private static List<String> inboxOfB() {
        return b().queryForList(
                        "select event_id from forwarding_inbox where origin = ? order by event_id", String.class, idA);
    }

    /**
     * Between A and B: answers 503 until told to hold an answer; then passes every batch to B and returns B's answer,
     * except the answer to the {@code n}th batch, which it keeps until released (B has committed that batch, A waits).
     * After the release it adds up the {@code duplicates} B reports.
     */
    private static final class Relay implements AutoCloseable {

        private static final List<String> PASSED_HEADERS = List.of(
                "content-type",
                "webhook-id",
                "webhook-timestamp",
                "webhook-signature",
                "orchwiz-origin",
                "orchwiz-key-id",
                "orchwiz-seq-range",
                "traceparent");

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final HttpServer server;
        private final HttpClient client = HttpClient.newHttpClient();
        private final String target;
        private final AtomicInteger batches = new AtomicInteger();
        private final AtomicLong duplicatesAfterRelease = new AtomicLong();
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile int holdAt = -1;

        Relay(String target) {
            this.target = target;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
            // One thread per exchange: a held answer must not keep the restarted A's batches waiting.
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/forwarding/events", this::relay);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void holdAnswerOf(int batch) {
            holdAt = batch;
        }

        boolean holding() {
            return held.getCount() == 0;
        }

        void release() {
            released.countDown();
        }

        long duplicatesAfterRelease() {
            return duplicatesAfterRelease.get();
        }

        private void relay(HttpExchange exchange) {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (holdAt < 0) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + "/api/forwarding/events"))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                for (String name : PASSED_HEADERS) {
                    String value = exchange.getRequestHeaders().getFirst(name);
                    if (value != null) {
                        request.header(name, value);
                    }
                }
                HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (batches.incrementAndGet() == holdAt) {
                    held.countDown();
                    released.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                } else if (released.getCount() == 0 && answer.statusCode() == 200) {
                    duplicatesAfterRelease.addAndGet(
                            JSON.readTree(answer.body()).path("duplicates").asLong());
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (IOException senderGone) {
                // The held answer's sender was killed: nobody is left to read it.
            } finally {
                exchange.close();
            }
        }

        @Override
        public void close() {
            released.countDown();
            server.stop(0);
        }
    }
}
