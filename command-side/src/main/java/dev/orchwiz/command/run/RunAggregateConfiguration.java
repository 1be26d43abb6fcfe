package dev.orchwiz.command.run;

import dev.orchwiz.command.configuration.BoundedAggregateCache;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps runs in flight in memory: a run takes a command per streamed chunk, and re-reading it each time would cost. */
@Configuration(proxyBeanMethods = false)
class RunAggregateConfiguration {

    @Bean
    Cache runCache(@Value("${orchwiz.command.aggregate-cache-size:4096}") long size) {
        return new BoundedAggregateCache(size);
    }
}
