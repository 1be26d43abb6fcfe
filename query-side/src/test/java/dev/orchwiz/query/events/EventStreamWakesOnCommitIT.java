package dev.orchwiz.query.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.TestUsers;
import dev.orchwiz.query.events.SseReader.Frame;
import dev.orchwiz.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The stream's tailer reads the store when this node commits, not only on its poll: with the poll set to a minute, a
 * write still reaches an open stream within seconds.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orchwiz.events.stream.poll-interval=PT1M")
@ContextConfiguration(initializers = TestDatabase.class)
class EventStreamWakesOnCommitIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void aCommittedEventReachesTheStreamLongBeforeTheNextPoll() throws Exception {
        // given a client connected to the stream, filtered to session creations
        NodeClient node = new NodeClient(port).withToken(TestUsers.token(context, "wake@example.com", true));
        Map<String, String> headers = new java.util.HashMap<>(node.defaults());
        try (SseReader stream = new SseReader(node.base() + "/api/events/stream?types=session.started", headers)) {
            assertThat(stream.status).isEqualTo(200);
            assertThat(stream.next(WAIT).event()).isEqualTo("connected");

            // when a session is created, twice (the second after the tailer has gone back to waiting)
            for (String title : new String[] {"woken once", "woken twice"}) {
                long start = System.nanoTime();
                String id = node.post("/api/sessions", NodeClient.json(Map.of("title", title)))
                        .json()
                        .get("id")
                        .asString();

                // then its event arrives well within the minute-long poll
                Frame frame = stream.next(WAIT);
                assertThat(frame).as("frame for %s", title).isNotNull();
                assertThat(frame.event()).isEqualTo("session.started");
                assertThat(frame.data()).contains(id);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WAIT);
            }
        }
    }
}
