package dev.orchwiz.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A fresh node prints a one-time setup code to its log. Whoever can read the log (the operator) can claim the first
 * admin account with it; whoever merely reaches the node first cannot. A new code is printed at every start until
 * the node has an admin.
 */
@Component
class SetupCode {

    private static final Logger log = LoggerFactory.getLogger(SetupCode.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountLookup accounts;
    private final String code;

    SetupCode(AccountLookup accounts) {
        this.accounts = accounts;
        SecureRandom random = new SecureRandom();
        StringBuilder generated = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                generated.append('-');
            }
            generated.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        this.code = generated.toString();
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!accounts.nodeSettings().setupComplete()) {
            log.warn(
                    "\n\n    This node has no admin yet. Sign up at the node's address with the setup code  {}\n"
                            + "    (or list your address in ORCHWIZ_ADMIN_EMAILS). The code is valid until an admin exists.\n",
                    code);
        }
    }

    boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        String normalized = presented.trim().toUpperCase(java.util.Locale.ROOT);
        return MessageDigest.isEqual(
                normalized.getBytes(StandardCharsets.UTF_8), code.getBytes(StandardCharsets.UTF_8));
    }

    /** For tests and operators who start the node programmatically. */
    String value() {
        return code;
    }
}
