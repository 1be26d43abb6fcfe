package dev.orchwiz.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestNodes;
import dev.orchwiz.WebhookReceiver;
import dev.orchwiz.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node with no configured key still keeps its secrets encrypted, with a key of its own kept in its home: webhook
 * secrets never reach the database or the events in plaintext, still sign deliveries, and a node with another key
 * refuses to start on that database.
 */
class SecretsAtRestIT {

    @TempDir
    Path home;

    @TempDir
    Path otherHome;

    private final WebhookReceiver receiver =
            new WebhookReceiver().answer("/hook", delivery -> WebhookReceiver.Reply.of(200));

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private static ConfigurableApplicationContext start(TestDatabase.Database database, Path home) {
        return TestNodes.start(
                database,
                "--orchwiz.home=" + home,
                // configured but empty, as a compose file passes an unset ORCHWIZ_ENCRYPTION_KEY
                "--orchwiz.encryption-key=",
                "--orchwiz.hooks.allowed-hosts=127.0.0.1",
                "--orchwiz.hooks.allow-private-networks=true",
                "--orchwiz.hooks.allow-plain-http=true",
                "--orchwiz.hooks.poll-interval=200ms");
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    @Test
    void webhookSecretsAreEncryptedWithTheNodesOwnKeyAndStillSign() {
        TestDatabase.Database database = TestDatabase.create();
        String legacyHook = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext node = start(database, home)) {
            NodeClient ada = TestNodes.client(node, "ada@example.com", false);
            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);

            // given a webhook registered on a node that was given no key
            Reply created = ada.post(
                    "/api/hooks",
                    NodeClient.json(Map.of(
                            "name",
                            "signed",
                            "event",
                            "PostToolUse",
                            "matcher",
                            "Bash",
                            "type",
                            "webhook",
                            "url",
                            receiver.url("/hook"))));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
            String hookId = created.json().get("id").asString();
            String secret = created.json().get("secret").asString();
            String secretBytes = secret.substring("whsec_".length());

            // then the node made itself a key, and neither the secret table nor any event holds the plaintext
            assertThat(home.resolve("keys/node.key")).isRegularFile();
            assertThat(count(
                            jdbc,
                            "select count(*) from hook_secret where hook_id = ?::uuid and encrypted"
                                    + " and position(? in secret) = 0",
                            hookId,
                            secretBytes))
                    .isEqualTo(1);
            assertThat(count(
                            jdbc,
                            "select count(*) from domain_event_entry where position(? in convert_from(payload, 'UTF8'))"
                                    + " > 0 or position(? in convert_from(coalesce(meta_data, ''::bytea), 'UTF8')) > 0",
                            secretBytes,
                            secretBytes))
                    .isZero();

            // and a delivery is still signed with it
            receiver.secret = secret;
            Reply test = ada.post("/api/hooks/" + hookId + "/test", "{}");
            assertThat(test.status()).as(test.raw()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receiver.verified)
                    .anySatisfy(body -> assertThat(body).contains("hook.test")));

            // given a secret an older node stored in plaintext
            jdbc.update(
                    "insert into hook_secret (hook_id, secret, encrypted) values (?::uuid, 'whsec_legacy', false)",
                    legacyHook);
        }

        try (ConfigurableApplicationContext restarted = start(database, home)) {
            // then the restarted node encrypted it
            assertThat(count(
                            restarted.getBean(JdbcTemplate.class),
                            "select count(*) from hook_secret where hook_id = ?::uuid and encrypted"
                                    + " and secret <> 'whsec_legacy'",
                            legacyHook))
                    .isEqualTo(1);
        }

        // and a node with another key (its home lost, or another key configured) refuses this database's secrets
        assertThatThrownBy(() -> start(database, otherHome).close())
                .hasStackTraceContaining("encrypted with another key");
    }
}
