package dev.orchwiz.command.configuration;

import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every aggregate finds a command's target through one resolver that looks each command class up once. */
@Configuration(proxyBeanMethods = false)
class CommandTargetConfiguration {

    /** Axon's Spring configurer uses the context's only {@link CommandTargetResolver} for every aggregate. */
    @Bean
    CommandTargetResolver commandTargetResolver() {
        return new CachedCommandTargetResolver();
    }
}
