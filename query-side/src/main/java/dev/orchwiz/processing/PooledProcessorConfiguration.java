package dev.orchwiz.processing;

import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every pooled processor's coordinator runs on a {@link RefillingCoordinator}: a processor that is behind (a rebuild, a
 * catch-up) keeps its work packages' buffers full instead of letting them drain and wait out Axon's 100 ms. This is
 * the default configuration of pooled processors, applied before each processor's own settings
 * ({@code axon.eventhandling.processors.*}: segments, threads, batch size), which set no coordinator.
 */
@Configuration(proxyBeanMethods = false)
class PooledProcessorConfiguration {

    @Autowired
    void coordinatorsRefill(EventProcessingConfigurer processing) {
        processing.registerPooledStreamingEventProcessorConfiguration(
                (axon, builder) -> builder.coordinatorExecutor(name -> {
                    ScheduledExecutorService coordinator = new RefillingCoordinator(name);
                    // As Axon does with the executor it would have made.
                    axon.onShutdown(coordinator::shutdown);
                    return coordinator;
                }));
    }
}
