package dev.orchwiz.command.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchwiz.api.problem.ErrorCode;
import dev.orchwiz.api.problem.ErrorKind;
import dev.orchwiz.api.problem.RuleViolation;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommandGatewayConfigurationTest {

    private final CommandGatewayConfiguration configuration = new CommandGatewayConfiguration();
    private final ScheduledExecutorService executor = configuration.commandRetryExecutor();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway = configuration.commandGateway(bus, executor);
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void retriesACommandThatLostARaceForItsAggregate() {
        bus.subscribe(String.class.getName(), (CommandMessage<?> command) -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyException("another node appended first");
            }
            return "done";
        });

        assertThat((String) gateway.sendAndWait("race")).isEqualTo("done");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void neverRetriesABusinessRefusal() {
        bus.subscribe(String.class.getName(), (CommandMessage<?> command) -> {
            attempts.incrementAndGet();
            throw new Refused();
        });

        assertThatThrownBy(() -> gateway.sendAndWait("refused")).isInstanceOf(Refused.class);
        assertThat(attempts).hasValue(1);
    }

    static class Refused extends RuleViolation {

        Refused() {
            super(
                    new ErrorCode() {
                        @Override
                        public String code() {
                            return "TEST_REFUSED";
                        }

                        @Override
                        public ErrorKind kind() {
                            return ErrorKind.CONFLICT;
                        }

                        @Override
                        public String title() {
                            return "Refused";
                        }
                    },
                    "no");
        }
    }
}
