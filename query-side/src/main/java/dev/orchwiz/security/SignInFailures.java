package dev.orchwiz.security;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.SignInMethod;
import dev.orchwiz.api.identity.command.RecordSignInFailure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins on known accounts become events (the user aggregate records a few per minute at most), so an audit
 * can see an account under attack. Failures for unknown addresses are only counted by the rate limits.
 */
@Component
class SignInFailures {

    private static final Logger log = LoggerFactory.getLogger(SignInFailures.class);

    private final AccountLookup accounts;
    private final CommandGateway commands;

    SignInFailures(AccountLookup accounts, CommandGateway commands) {
        this.accounts = accounts;
        this.commands = commands;
    }

    void record(String email, String reason) {
        accounts.byEmail(email).ifPresent(account -> {
            try {
                commands.sendAndWait(new RecordSignInFailure(UserId.of(account.id()), SignInMethod.EMAIL_LINK, reason));
            } catch (RuntimeException notRecorded) {
                log.warn("Could not record a failed sign-in for {}: {}", account.id(), notRecorded.toString());
            }
        });
    }
}
