package dev.orchwiz.command.configuration;

import dev.orchwiz.api.problem.RuleViolation;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Retries a command that lost a race for its aggregate: with several nodes on one database, or a stale cached
 * aggregate, the append collides on the (aggregate, sequence) key and a second attempt on fresh state succeeds.
 * Business refusals are final and never retried.
 */
@Configuration(proxyBeanMethods = false)
class CommandGatewayConfiguration {

    private static final int RETRY_INTERVAL_MILLIS = 20;
    private static final int MAX_RETRIES = 3;

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(new DaemonThreads("orchwiz-command-retry"));
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        IntervalRetryScheduler retries = IntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .retryInterval(RETRY_INTERVAL_MILLIS)
                .maxRetryCount(MAX_RETRIES)
                .addNonTransientFailurePredicate(RuleViolation.class, violation -> true)
                .addNonTransientFailurePredicate(IllegalArgumentException.class, invalid -> true)
                .addNonTransientFailurePredicate(NullPointerException.class, missing -> true)
                .build();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(retries)
                .build();
    }
}
