package dev.orchwiz.command.run.runtime.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.command.run.runtime.AgentRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OpenAiRuntimeConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(OpenAiRuntimeConfiguration.class);

    @Test
    void offersTheRuntimeBoundToTheNodeSettings() {
        context.withPropertyValues(
                        "orchwiz.runtime.openai.base-url=http://localhost:11434/v1",
                        "orchwiz.runtime.openai.api-key=",
                        "orchwiz.runtime.openai.model=llama3.2")
                .run(started -> {
                    AgentRuntime runtime = started.getBean(AgentRuntime.class);
                    assertThat(runtime.name()).isEqualTo("openai");
                    assertThat(runtime.defaultModel()).isEqualTo("llama3.2");
                    assertThat(runtime.configured()).isTrue();
                });
    }

    @Test
    void withoutSettingsItPointsAtOpenAiAndWaitsForAKey() {
        context.run(started -> {
            AgentRuntime runtime = started.getBean(AgentRuntime.class);
            assertThat(runtime.defaultModel()).isEqualTo("gpt-4o-mini");
            assertThat(runtime.configured()).isFalse();
        });
    }
}
