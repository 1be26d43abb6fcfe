package dev.orchwiz.command.session;

import dev.orchwiz.command.configuration.BoundedAggregateCache;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps recently used sessions in memory so a command does not re-read a long interaction history. The cache is
 * safe with several nodes on one database: a stale entry makes the append collide on the (aggregate, sequence) key,
 * Axon evicts it and the gateway retries.
 */
@Configuration(proxyBeanMethods = false)
class SessionAggregateConfiguration {

    @Bean
    Cache sessionCache(@Value("${orchwiz.command.aggregate-cache-size:4096}") long size) {
        return new BoundedAggregateCache(size);
    }
}
