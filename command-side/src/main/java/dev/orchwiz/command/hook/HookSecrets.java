package dev.orchwiz.command.hook;

import dev.orchwiz.api.hook.HookId;
import dev.orchwiz.command.hook.delivery.WebhookSecret;
import dev.orchwiz.command.secret.SecretCipher;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each webhook's signing secret out of the event store (events are replayed, forwarded and shown on the
 * stream). Secrets are AES-GCM encrypted with {@code ORCHWIZ_ENCRYPTION_KEY} when the node has one.
 */
@Component
public class HookSecrets {

    private static final Logger log = LoggerFactory.getLogger(HookSecrets.class);

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    HookSecrets(JdbcTemplate jdbc, @Value("${ORCHWIZ_ENCRYPTION_KEY:}") String encryptionKey) {
        this.jdbc = jdbc;
        this.cipher = encryptionKey == null || encryptionKey.isBlank() ? null : new SecretCipher(encryptionKey);
        if (cipher == null) {
            log.warn(
                    "ORCHWIZ_ENCRYPTION_KEY is not set: webhook signing secrets are stored unencrypted in the database");
        }
    }

    /** A new secret for the hook, replacing any old one; the plaintext is returned once, to show once. */
    String issue(HookId hookId) {
        String secret = WebhookSecret.generate();
        String stored = cipher == null ? secret : Base64.getEncoder().encodeToString(cipher.encrypt(secret));
        jdbc.update("""
                insert into hook_secret (hook_id, secret, encrypted) values (?, ?, ?)
                on conflict (hook_id) do update set secret = excluded.secret, encrypted = excluded.encrypted,
                    rotated_at = now()
                """, hookId.value(), stored, cipher != null);
        return secret;
    }

    public Optional<String> secretOf(HookId hookId) {
        List<Optional<String>> found = jdbc.query(
                "select secret, encrypted from hook_secret where hook_id = ?",
                (rs, n) -> {
                    if (!rs.getBoolean("encrypted")) {
                        return Optional.of(rs.getString("secret"));
                    }
                    if (cipher == null) {
                        log.error("hook {} has an encrypted secret but ORCHWIZ_ENCRYPTION_KEY is not set", hookId);
                        return Optional.<String>empty();
                    }
                    return Optional.of(cipher.decrypt(Base64.getDecoder().decode(rs.getString("secret"))));
                },
                hookId.value());
        return found.isEmpty() ? Optional.empty() : found.get(0);
    }

    void forget(HookId hookId) {
        jdbc.update("delete from hook_secret where hook_id = ?", hookId.value());
    }
}
