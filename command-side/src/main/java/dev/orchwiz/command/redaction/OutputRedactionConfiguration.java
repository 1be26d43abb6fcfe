package dev.orchwiz.command.redaction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** One redaction of the node's secrets for every place that masks output or input before it becomes an event. */
@Configuration(proxyBeanMethods = false)
class OutputRedactionConfiguration {

    @Bean
    OutputRedaction outputRedaction(Environment configuration) {
        return new OutputRedaction(NodeSecrets.of(configuration));
    }
}
