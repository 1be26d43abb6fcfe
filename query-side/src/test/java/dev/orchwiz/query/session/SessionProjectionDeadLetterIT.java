package dev.orchwiz.query.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.PoisonedEvents;
import dev.orchwiz.TestUsers;
import dev.orchwiz.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

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

    private String poisonedStart(NodeClient node, String title) {
        return PoisonedEvents.sessionStartedWithTitle(node, jdbc, title);
    }

    private JsonNode status(NodeClient admin) {
        Reply reply = admin.get("/api/admin/projections/sessions");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode deadLettersOf(NodeClient admin, String sessionId) {
        Reply reply = admin.get("/api/admin/projections/sessions/dead-letters?size=100");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        for (JsonNode letter : reply.json().get("items")) {
            if (sessionId.equals(letter.path("sequence").asString())) {
                return letter;
            }
        }
        return null;
    }

    @Test
    void aNulThatTheDatabaseRefusesIsDeadLetteredAndEveryOtherSessionStillAppears() {
        // given a start event whose title PostgreSQL cannot store (it stopped its whole segment before)
        NodeClient node = new NodeClient(port).withToken(TestUsers.token(context, "ada@example.com", false));
        NodeClient admin = new NodeClient(port).withToken(TestUsers.token(context, "root@example.com", true));
        String poisoned = poisonedStart(node, "a\u0000b");

        // when sessions keep coming, enough to land in every segment
        List<String> later = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            later.add(node.post("/api/sessions", "{\"title\":\"after " + i + "\"}")
                    .json()
                    .get("id")
                    .asString());
        }

        // then each of them is read, the poisoned one is listed as a dead letter and the status says so
        for (String id : later) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Reply read = node.get("/api/sessions/" + id + "?minVersion=0");
                assertThat(read.status()).as(read.raw()).isEqualTo(200);
            });
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deadLettersOf(admin, poisoned)).isNotNull());
        JsonNode letter = deadLettersOf(admin, poisoned);
        assertThat(letter.get("eventType").asString()).isEqualTo("SessionStarted");
        assertThat(letter.get("causeMessage").asString()).contains("0x00");
        assertThat(status(admin).get("deadLetters").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(status(admin).get("caughtUp").asBoolean()).isFalse();
        assertThat(node.get("/api/sessions/" + poisoned).status()).isEqualTo(404);

        // and a rebuild no longer stalls at it: every session comes back and the letter is parked again
        assertThat(admin.post("/api/admin/projections/sessions/rebuild", "").status())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = status(admin);
            assertThat(status.get("replaying").asBoolean()).isFalse();
            assertThat(status.get("position").asLong())
                    .isEqualTo(status.get("head").asLong());
        });
        for (String id : later) {
            assertThat(node.get("/api/sessions/" + id).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deadLettersOf(admin, poisoned)).isNotNull());

        // and an operator who gives up on it evicts it; the read model then counts as caught up again
        Reply evicted = admin.delete("/api/admin/projections/sessions/dead-letters/"
                + deadLettersOf(admin, poisoned).get("eventId").asString());
        assertThat(evicted.status()).as(evicted.raw()).isEqualTo(204);
        assertThat(deadLettersOf(admin, poisoned)).isNull();
    }

    @Test
    void aDeadLetterIsAppliedByARetryOnceTheCauseIsFixed() {
        // given a rule of the database that a start event breaks (a constraint is what an operator can change
        // without changing column types, which would invalidate the pool's prepared statements)
        NodeClient node = new NodeClient(port).withToken(TestUsers.token(context, "ada@example.com", false));
        NodeClient admin = new NodeClient(port).withToken(TestUsers.token(context, "root@example.com", true));
        jdbc.execute("alter table session_summary add constraint no_forbidden_titles check (title <> 'forbidden')");
        String poisoned = poisonedStart(node, "forbidden");
        String after = node.post("/api/sessions", "{\"title\":\"after the long one\"}")
                .json()
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() ->
                        assertThat(node.get("/api/sessions/" + after).status()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deadLettersOf(admin, poisoned)).isNotNull());
        assertThat(deadLettersOf(admin, poisoned).get("causeMessage").asString())
                .contains("no_forbidden_titles");

        // when the operator fixes the cause and retries
        jdbc.execute("alter table session_summary drop constraint no_forbidden_titles");
        Reply retried = admin.post("/api/admin/projections/sessions/dead-letters/retry", "");

        // then the event is applied and the letter is gone
        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        assertThat(deadLettersOf(admin, poisoned)).isNull();
        Reply read = node.get("/api/sessions/" + poisoned);
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.json().get("title").asString()).isEqualTo("forbidden");
    }

    @Test
    void deadLettersAreForAdminsOnly() {
        NodeClient member = new NodeClient(port).withToken(TestUsers.token(context, "ada@example.com", false));
        assertThat(member.get("/api/admin/projections/sessions/dead-letters").status())
                .isEqualTo(403);
        assertThat(member.post("/api/admin/projections/sessions/dead-letters/retry", "")
                        .status())
                .isEqualTo(403);
    }
}
