package dev.orchwiz.storage;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The source every read model's processor streams from ({@code axon.eventhandling.processors.*.source}). */
@Configuration(proxyBeanMethods = false)
class EventSourceConfiguration {

    @Bean(destroyMethod = "close")
    CommitSignallingEventSource committedEvents(EventStore eventStore) {
        return new CommitSignallingEventSource(eventStore);
    }
}
