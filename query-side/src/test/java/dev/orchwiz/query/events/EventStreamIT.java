package dev.orchwiz.query.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.query.events.SseReader.Frame;
import dev.orchwiz.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.context.support.ServletRequestHandledEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The realtime stream: resumable with nothing lost or repeated, in order even when a transaction commits late. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orchwiz.events.stream.heartbeat=PT1S")
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class EventStreamIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    org.springframework.context.ApplicationContext context;

    NodeClient node;

    @Autowired
    EventLog log;

    @BeforeEach
    void connect() {
        node = new NodeClient(port).withToken(dev.orchwiz.TestUsers.token(context, "ops@example.com", true));
        // A stream starts where the tailer has released up to (it polls every 25 ms); the cases below count what
        // follows "connected", so the token just issued must not still be on its way to a new stream.
        Long head = jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
        await().atMost(WAIT).until(() -> log.releasedUpTo() >= head);
    }

    private SseReader open(String query, Map<String, String> headers) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(node.defaults());
        all.putAll(headers);
        SseReader reader = new SseReader(node.base() + "/api/events/stream" + query, all);
        assertThat(reader.status).isEqualTo(200);
        return reader;
    }

    private String createSession(String title) {
        return node.post("/api/sessions", NodeClient.json(Map.of("title", title)))
                .json()
                .get("id")
                .asString();
    }

    private static long position(Frame connected) {
        return JSON.readTree(connected.data()).get("position").asLong();
    }

    private static List<Long> ids(List<Frame> frames) {
        return frames.stream().map(frame -> Long.parseLong(frame.id())).toList();
    }

    @Test
    void resumesWithLastEventIdLosingAndRepeatingNothing() throws Exception {
        // given a client that saw three events, then went away
        List<Frame> seen = new ArrayList<>();
        long start;
        try (SseReader first = open("", Map.of())) {
            Frame connected = first.next(WAIT);
            assertThat(connected.event()).isEqualTo("connected");
            start = position(connected);
            for (int i = 0; i < 3; i++) {
                createSession("before disconnect " + i);
            }
            seen.addAll(first.nextEvents(3, WAIT));
        }
        String lastSeen = seen.get(seen.size() - 1).id();

        // when more happens while it is away, and it reconnects with Last-Event-ID
        String prompted = createSession("while away");
        node.post("/api/sessions/" + prompted + "/prompt", "{\"prompt\":\"hello\"}");
        for (int i = 0; i < 3; i++) {
            createSession("while away " + i);
        }
        try (SseReader resumed = open("", Map.of("Last-Event-ID", lastSeen))) {
            assertThat(resumed.next(WAIT).event()).isEqualTo("connected");
            seen.addAll(resumed.nextEvents(6, WAIT));
            assertThat(resumed.quietFor(Duration.ofMillis(500))).isEmpty();
        }

        // then every event arrived exactly once, in global order, as stored
        List<Long> stored = jdbc.queryForList(
                "select global_index from domain_event_entry where global_index > ? order by global_index",
                Long.class,
                start);
        assertThat(ids(seen)).containsExactlyElementsOf(stored);
        assertThat(ids(seen))
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(start + 1, start + 9).boxed().toList());
        assertThat(seen)
                .extracting(Frame::event)
                .contains("session.started", "session.interaction-recorded", "session.execution-started");
        JsonNode frame = JSON.readTree(seen.get(3).data());
        assertThat(frame.get("aggregateId").asString()).isEqualTo(prompted);
        assertThat(frame.get("payload").get("title").asString()).isEqualTo("while away");
        assertThat(frame.get("position").asLong())
                .isEqualTo(Long.parseLong(seen.get(3).id()));
    }

    @Test
    void holdsLaterEventsBackUntilALateTransactionCommitsAndDeliversItInOrder() throws Exception {
        try (SseReader stream = open("", Map.of());
                Connection slow = dataSource.getConnection()) {
            stream.next(WAIT);
            // given a transaction that took a sequence number but has not committed yet
            slow.setAutoCommit(false);
            long late = nextSequence(slow);
            insertSessionStarted(slow, late, "committed late");

            // when a later event commits first
            createSession("committed first");

            // then the stream waits for the gap instead of skipping it
            assertThat(stream.quietFor(Duration.ofMillis(1500))).isEmpty();
            slow.commit();
            List<Frame> delivered = stream.nextEvents(2, WAIT);
            assertThat(ids(delivered)).containsExactly(late, late + 1);
            assertThat(JSON.readTree(delivered.get(0).data())
                            .get("payload")
                            .get("title")
                            .asString())
                    .isEqualTo("committed late");
        }
    }

    @Test
    void filtersByTypeAndRefusesUnknownTypeNames() throws Exception {
        try (SseReader modes = open("?types=session.mode-changed", Map.of())) {
            modes.next(WAIT);
            String id = createSession("type filter");
            node.post("/api/sessions/" + id + "/mode", "{\"mode\":\"auto_accept\"}");
            List<Frame> frames = modes.nextEvents(1, WAIT);
            assertThat(frames).extracting(Frame::event).containsExactly("session.mode-changed");
            assertThat(JSON.readTree(frames.get(0).data())
                            .get("payload")
                            .get("to")
                            .asString())
                    .isEqualTo("auto_accept");
        }
        NodeClient.Reply unknown = node.get("/api/events/stream?types=session.exploded");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("INVALID_PARAMETER");
        // A name too long to be any event's is refused too, not dropped (which left a stream of every event).
        NodeClient.Reply tooLong = node.get("/api/events/stream?types=" + "a".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("INVALID_PARAMETER");
        NodeClient.Reply tooLongForwarded =
                node.get("/api/events/stream?source=all&types=session.started," + "b".repeat(5000));
        assertThat(tooLongForwarded.status()).isEqualTo(400);
        assertThat(node.get("/api/events/stream?after=yesterday").status()).isEqualTo(400);
        assertThat(node.get("/api/events/types").raw()).contains("session.started", "session.mode-changed");
    }

    @Test
    void aMemberSeesOnlyTheEventsOfWhatIsTheirs() throws Exception {
        NodeClient member =
                new NodeClient(port).withToken(dev.orchwiz.TestUsers.token(context, "mia@example.com", false));
        Map<String, String> memberAuth = member.defaults();
        try (SseReader stream = new SseReader(node.base() + "/api/events/stream", memberAuth)) {
            stream.next(WAIT);
            String theirs = createSession("the admin's, not mia's");
            String mine = member.post("/api/sessions", "{\"title\":\"mia's\"}")
                    .json()
                    .get("id")
                    .asString();

            // Mia's own account events (her token was issued a moment before the stream opened) may come first
            // under load; what matters is that her session's event arrives and the admin's never does.
            String mia = dev.orchwiz.TestUsers.user(context, "mia@example.com", false);
            List<String> seen = new java.util.ArrayList<>();
            while (!seen.contains(mine) && seen.size() < 10) {
                seen.add(JSON.readTree(stream.nextEvents(1, WAIT).get(0).data())
                        .get("aggregateId")
                        .asString());
            }
            for (Frame late : stream.quietFor(Duration.ofMillis(500))) {
                seen.add(JSON.readTree(late.data()).get("aggregateId").asString());
            }
            assertThat(seen).contains(mine).doesNotContain(theirs).allMatch(id -> id.equals(mine) || id.equals(mia));
        }
    }

    @Test
    void anIssuedTokenReachesTheStreamWithoutItsHashWhileTheStoredEventKeepsIt() throws Exception {
        try (SseReader stream = open("?types=identity.api-token-issued", Map.of())) {
            assertThat(stream.next(WAIT).event()).isEqualTo("connected");

            // when a token is issued while an admin watches every event
            String token = dev.orchwiz.TestUsers.token(
                    context, "tia@example.com", false, java.util.EnumSet.of(dev.orchwiz.api.identity.TokenScope.READ));

            // then the frame names the token but carries no credential material
            String hash = java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(StandardCharsets.UTF_8)));
            Frame issued = stream.nextEvents(1, WAIT).get(0);
            JsonNode payload = JSON.readTree(issued.data()).get("payload");
            assertThat(issued.event()).isEqualTo("identity.api-token-issued");
            assertThat(payload.get("prefix").asString()).isEqualTo(token.substring(0, 12));
            assertThat(payload.has("hash")).as(issued.data()).isFalse();
            assertThat(issued.data()).doesNotContain(hash);
            // the event store still holds it (tokens are checked against it), and the token works
            assertThat(jdbc.queryForObject(
                            "select count(*) from domain_event_entry where payload_type like '%ApiTokenIssued'"
                                    + " and convert_from(payload, 'UTF8') like ?",
                            Long.class, "%" + hash + "%"))
                    .isEqualTo(1L);
            assertThat(new NodeClient(port).withToken(token).get("/api/me").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void sendsHeartbeatsWhileNothingHappens() throws Exception {
        try (SseReader idle = open("", Map.of())) {
            assertThat(idle.next(WAIT).event()).isEqualTo("connected");
            Frame heartbeat = idle.next(Duration.ofSeconds(5));
            assertThat(heartbeat.event()).isEqualTo("heartbeat");
            assertThat(Instant.parse(
                            JSON.readTree(heartbeat.data()).get("timestamp").asString()))
                    .isNotNull();
        }
    }

    /**
     * A stream the client leaves ends on an async dispatch. The token filter does not run on it, so unless that
     * dispatch is let through, authorization denies it after the answer was committed (the servlet never sees it)
     * and the node logs an error for every stream a script closes.
     */
    @Test
    void aTokenStreamTheClientLeavesEndsWithoutADeniedDispatch(CapturedOutput output) throws Exception {
        // The servlet announces each dispatch it handled: the stream's start, and its end once let through.
        AtomicInteger handled = new AtomicInteger();
        ApplicationListener<ServletRequestHandledEvent> counter = event -> {
            if (event.getRequestUrl().equals("/api/events/stream")) {
                handled.incrementAndGet();
            }
        };
        ConfigurableApplicationContext application = (ConfigurableApplicationContext) context;
        application.addApplicationListener(counter);
        try {
            try (SseReader stream = open("", Map.of())) {
                assertThat(stream.next(WAIT).event()).isEqualTo("connected");
            }
            // The node notices the closed connection when its next heartbeat (every second here) fails to write.
            await().atMost(WAIT).untilAsserted(() -> assertThat(handled).hasValueGreaterThanOrEqualTo(2));
            assertThat(output.getAll()).doesNotContain("AuthorizationDeniedException");
        } finally {
            application.removeApplicationListener(counter);
        }
    }

    private static long nextSequence(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select nextval('domain_event_entry_seq')")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void insertSessionStarted(Connection connection, long globalIndex, String title) throws Exception {
        String sessionId = UUID.randomUUID().toString();
        String payload = JSON.writeValueAsString(Map.of(
                "sessionId",
                sessionId,
                "ownerId",
                "local-operator",
                "title",
                title,
                "mode",
                "plan",
                "source",
                "web",
                "by",
                "local-operator"));
        try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry (global_index,"
                + " event_identifier, meta_data, payload, payload_type, time_stamp, aggregate_identifier,"
                + " sequence_number, type) values (?, ?, ?, ?, ?, ?, ?, 0, 'Session')")) {
            insert.setLong(1, globalIndex);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{\"ownerId\":\"local-operator\"}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(5, "dev.orchwiz.api.session.event.SessionStarted");
            insert.setString(6, Instant.now().toString());
            insert.setString(7, sessionId);
            insert.executeUpdate();
        }
    }
}
