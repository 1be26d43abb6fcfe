package dev.orchwiz.command.run.runtime.openai;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Offers the OpenAI-compatible runtime with the node's {@code orchwiz.runtime.openai.*} settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenAiProperties.class)
class OpenAiRuntimeConfiguration {

    @Bean
    OpenAiCompatibleRuntime openAiCompatibleRuntime(OpenAiProperties properties) {
        return new OpenAiCompatibleRuntime(properties);
    }
}
