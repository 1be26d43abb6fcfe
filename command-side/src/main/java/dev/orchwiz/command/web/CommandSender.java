package dev.orchwiz.command.web;

import dev.orchwiz.api.problem.RuleViolation;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Sends a command and waits, turning "no such aggregate" (never created, or deleted) into the caller's 404. */
@Component
public class CommandSender {

    private static final long TIMEOUT_SECONDS = 30;

    private final CommandGateway commands;

    CommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R send(Object command, Supplier<? extends RuleViolation> whenMissing) {
        try {
            return commands.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (AggregateNotFoundException missing) {
            throw whenMissing.get();
        }
    }
}
