package dev.orchwiz.operations;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * What a handler's failure does. Axon's default logs it and moves on, which made a read model silently skip an
 * event: for a subscribing read model the writer's command then answered 2xx although nothing was stored. Failures
 * propagate instead: a subscribing read model fails the command that caused it (so a 2xx means stored), and a
 * streaming one hands the event to its dead-letter queue. The two processes catch and record their own failures (a
 * run ends failed, a delivery is retried), so one process bug is logged rather than stopping every later run.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorFailureConfiguration {

    static final String[] SELF_RECORDING_PROCESSES = {"tool-call-runs", "tool-call-hooks"};

    @Autowired
    void failuresPropagate(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
        for (String process : SELF_RECORDING_PROCESSES) {
            processing.registerListenerInvocationErrorHandler(process, configuration -> new LoggingErrorHandler());
        }
    }
}
