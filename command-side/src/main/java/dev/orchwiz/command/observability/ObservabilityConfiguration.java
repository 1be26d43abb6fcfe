package dev.orchwiz.command.observability;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Binds {@code orchwiz.observability.*}; the metrics process always runs, the Langfuse export only when configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ObservabilityProperties.class)
class ObservabilityConfiguration {

    /**
     * The export's batches run in a Spring transaction of their own processing group. Axon's Boot auto-configuration
     * orders itself after Boot 3's transaction auto-configuration, whose classes moved in Boot 4, so the node-wide
     * Axon transaction manager can come out as a {@code NoTransactionManager}. A tracking processor without a
     * transaction stores its token, committed at once, before the batch's own commit work runs: a batch whose
     * delivery then failed or was interrupted by a stopping node was skipped for good. In a transaction the token
     * moves only when the batch was delivered.
     */
    @Bean
    ConfigurerModule langfuseExportInTransactions(ObjectProvider<PlatformTransactionManager> transactions) {
        return configurer -> configurer
                .eventProcessing()
                .registerTransactionManager(
                        WhenRunProgressesThenExportToLangfuse.PROCESSING_GROUP,
                        configuration -> new SpringTransactionManager(transactions.getObject()));
    }
}
