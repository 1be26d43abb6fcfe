package dev.orchwiz.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestUsers;
import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.run.event.ModelCallCompleted;
import dev.orchwiz.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/** {@code /actuator/prometheus} serves the node's metrics to an admin's admin-scoped token, and to nobody else. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// A test context exports no metrics registry unless asked to: without this the endpoint would not exist at all.
@AutoConfigureMetrics
@ContextConfiguration(initializers = TestDatabase.class)
class PrometheusIT {

    private static final String PROMETHEUS = "/actuator/prometheus";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void anonymousScrapesAreAskedToSignIn() {
        Reply reply = new NodeClient(port).get(PROMETHEUS);

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void aMembersTokenIsForbidden() {
        // given
        NodeClient member = new NodeClient(port).withToken(TestUsers.token(context, "scraper@example.com", false));

        // when
        Reply reply = member.get(PROMETHEUS);

        // then
        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void anAdminsTokenWithoutTheAdminScopeIsForbidden() {
        // given an admin's read-only script
        NodeClient readOnly = new NodeClient(port)
                .withToken(TestUsers.token(
                        context, "ops-reader@example.com", true, EnumSet.of(TokenScope.READ, TokenScope.WRITE)));

        // when
        Reply reply = readOnly.get(PROMETHEUS);

        // then
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("FORBIDDEN_SCOPE");
    }

    @Test
    void anAdminTokenScrapesPrometheusText() {
        // given a model call measured by the node (the run aggregate publishes these; here the test does)
        context.getBean(EventGateway.class)
                .publish(new ModelCallCompleted(
                        RunId.random(),
                        1,
                        "1111111111111111",
                        "local",
                        "prometheus-it-model",
                        12,
                        3,
                        BigDecimal.ZERO,
                        Instant.now(),
                        40,
                        "stop",
                        "hello",
                        List.of(),
                        java.util.List.of()));
        NodeClient admin = new NodeClient(port).withToken(TestUsers.token(context, "ops@example.com", true));

        // when
        Reply reply = admin.get(PROMETHEUS);

        // then
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        assertThat(reply.raw())
                .contains("# TYPE jvm_memory_used_bytes gauge", "jvm_memory_used_bytes{")
                .contains("gen_ai_client_operation_duration_seconds_count{")
                .contains("gen_ai_request_model=\"prometheus-it-model\"")
                .contains("gen_ai_client_token_usage_tokens_sum{");
    }

    @Test
    void healthStaysOpenToEveryone() {
        assertThat(new NodeClient(port).get("/actuator/health").status()).isEqualTo(200);
    }
}
