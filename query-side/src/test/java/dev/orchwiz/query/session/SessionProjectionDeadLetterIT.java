package dev.orchwiz.query.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/** An event the sessions projection cannot apply is parked in the dead-letter queue; the rest keeps flowing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class SessionProjectionDeadLetterIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void parksAnUnprojectableEventAndKeepsProjectingOthers() {
        // given an event for a session the read model never saw start
        String orphan = UUID.randomUUID().toString();
        String payload = "{\"sessionId\":\"" + orphan + "\",\"title\":\"nowhere\",\"by\":\"local-operator\"}";
        jdbc.update(
                "insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_type,"
                        + " time_stamp, aggregate_identifier, sequence_number, type)"
                        + " values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, 1, 'Session')",
                UUID.randomUUID().toString(),
                "{}".getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8),
                "dev.orchwiz.api.session.event.SessionRenamed",
                Instant.now().toString(),
                orphan);

        // when a normal session follows it
        NodeClient node =
                new NodeClient(port).withToken(dev.orchwiz.TestUsers.token(context, "ada@example.com", false));
        String id = node.post("/api/sessions", "{\"title\":\"after the bad one\"}")
                .json()
                .get("id")
                .asString();

        // then the good one is projected and the bad one waits in the dead-letter queue
        assertThat(node.get("/api/sessions/" + id + "?minVersion=0").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select count(*) from dead_letter_entry where processing_group = 'sessions'"
                                + " and aggregate_identifier = ?",
                        Long.class,
                        orphan))
                .isEqualTo(1));
        assertThat(jdbc.queryForObject(
                        "select cause_message from dead_letter_entry where aggregate_identifier = ?",
                        String.class,
                        orphan))
                .contains("never started");
    }
}
