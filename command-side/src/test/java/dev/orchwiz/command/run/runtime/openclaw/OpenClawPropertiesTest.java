package dev.orchwiz.command.run.runtime.openclaw;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OpenClawPropertiesTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(OpenClawRuntime.class);

    @Test
    void bindsTheNodesKeysWithEmptyValuesAsUnset() {
        context.withPropertyValues(
                        "orchwiz.runtime.openclaw.url=ws://127.0.0.1:18789",
                        "orchwiz.runtime.openclaw.token=",
                        "orchwiz.runtime.openclaw.enabled=",
                        "orchwiz.runtime.openclaw.agent=main",
                        "orchwiz.runtime.openclaw.connect-timeout=10s",
                        "orchwiz.runtime.openclaw.request-timeout=10m")
                .run(started -> {
                    OpenClawRuntime runtime = started.getBean(OpenClawRuntime.class);
                    OpenClawProperties properties = started.getBean(OpenClawProperties.class);
                    assertThat(runtime.name()).isEqualTo("openclaw");
                    assertThat(runtime.configured()).isFalse();
                    assertThat(runtime.defaultModel()).isEqualTo("main");
                    assertThat(properties.url()).isEqualTo(URI.create("ws://127.0.0.1:18789"));
                    assertThat(properties.requestTimeout()).isEqualTo(Duration.ofMinutes(10));
                });
    }

    @Test
    void aTokenConfiguresTheRuntimeWithoutShowingInTheContext() {
        context.withPropertyValues("orchwiz.runtime.openclaw.token=gw-secret-91e2")
                .withBean(GatewayApprovals.class, () -> new GatewayApprovals() {
                    @Override
                    public CompletionStage<GatewayApprovalDecision> decide(GatewayApprovalRequest request) {
                        return CompletableFuture.completedFuture(GatewayApprovalDecision.DENY);
                    }

                    @Override
                    public void settle(GatewayApprovalRequest request, GatewayExecResult result) {}
                })
                .run(started -> {
                    assertThat(started.getBean(OpenClawRuntime.class).configured())
                            .isTrue();
                    assertThat(started.getBean(OpenClawProperties.class).toString())
                            .doesNotContain("gw-secret-91e2");
                });
    }
}
