package dev.orchwiz.command.run;

import dev.orchwiz.command.redaction.NodeSecrets;
import dev.orchwiz.command.run.runtime.AgentRuntime;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The node's runtimes and how runs mask what they record. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RunProperties.class)
class RunConfiguration {

    @Bean
    Runtimes runtimes(List<AgentRuntime> runtimes, RunProperties properties) {
        return new Runtimes(runtimes, properties);
    }

    @Bean
    RunRedaction runRedaction(RunProperties properties, Environment configuration) {
        return new RunRedaction(NodeSecrets.of(configuration), properties.redactPatterns());
    }
}
