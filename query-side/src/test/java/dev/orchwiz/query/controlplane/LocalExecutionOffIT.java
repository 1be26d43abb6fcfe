package dev.orchwiz.query.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestUsers;
import dev.orchwiz.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * A node with local execution off keeps the documented order: a call its rules send to ask is asked first, and only
 * an approved call meets the gate, ending blocked with the reason when it would run.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orchwiz.execution.enabled=false")
@ContextConfiguration(initializers = TestDatabase.class)
class LocalExecutionOffIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    NodeClient ada;

    @BeforeEach
    void connect() {
        ada = new NodeClient(port).withToken(TestUsers.token(context, "ada@example.com", false));
    }

    private String created(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private JsonNode awaitStatus(String callId, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            last[0] = ada.get("/api/tool-calls/" + callId).json();
            assertThat(last[0].path("status").asString()).isEqualTo(status);
        });
        return last[0];
    }

    @Test
    void aCallThatAsksIsAskedFirstAndBlockedAtTheGateOnceApproved() {
        // given
        String session =
                created(ada.post("/api/sessions", NodeClient.json(Map.of("title", "gate off", "mode", "plan"))));
        String command =
                created(ada.post("/api/commands", NodeClient.json(Map.of("name", "greet", "script", "echo hello"))));

        // when
        Reply run = ada.post(
                "/api/commands/" + command + "/execute",
                NodeClient.json(Map.of("sessionId", session, "arguments", "")));

        // then it waits for a person, as with execution on
        assertThat(run.status()).as(run.raw()).isEqualTo(202);
        JsonNode call = run.json();
        assertThat(call.path("status").asString()).isEqualTo("awaiting_approval");
        String id = call.path("id").asString();
        assertThat(ada.get("/api/approvals").json().path("items").findValuesAsString("toolCallId"))
                .contains(id);

        // when the owner approves
        Reply approved = ada.post(
                "/api/approvals/" + id,
                NodeClient.json(Map.of(
                        "decision",
                        "approve",
                        "inputHash",
                        call.path("inputHash").asString())));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);

        // then the gate blocks it when it would run, saying why, and it never ran
        JsonNode blocked = awaitStatus(id, "blocked");
        assertThat(blocked.path("reason").asString()).contains("Approved").contains("ENABLE_LOCAL_COMMAND_EXECUTION");
        List<String> trail =
                ada.get("/api/tool-calls/" + id + "/trail").json().path("items").findValuesAsString("type");
        assertThat(trail)
                .containsSubsequence(
                        "toolcall.requested",
                        "toolcall.permission-evaluated",
                        "toolcall.approval-requested",
                        "toolcall.approved",
                        "toolcall.blocked")
                .doesNotContain("toolcall.run-started");
    }
}
