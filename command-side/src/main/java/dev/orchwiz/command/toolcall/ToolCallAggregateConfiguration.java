package dev.orchwiz.command.toolcall;

import dev.orchwiz.command.configuration.BoundedAggregateCache;
import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps recent tool calls in memory: a call takes several commands in quick succession (request, hooks, start,
 * result), and re-reading its events for each would cost a query per command.
 */
@Configuration(proxyBeanMethods = false)
class ToolCallAggregateConfiguration {

    @Bean
    Cache toolCallCache(@Value("${orchwiz.command.aggregate-cache-size:4096}") long size) {
        return new BoundedAggregateCache(size);
    }
}
