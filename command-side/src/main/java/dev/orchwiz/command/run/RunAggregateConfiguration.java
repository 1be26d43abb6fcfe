package dev.orchwiz.command.run;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps runs in flight in memory: a run takes a command per streamed chunk, and re-reading it each time would cost. */
@Configuration(proxyBeanMethods = false)
class RunAggregateConfiguration {

    @Bean
    Cache runCache() {
        return new WeakReferenceCache();
    }
}
