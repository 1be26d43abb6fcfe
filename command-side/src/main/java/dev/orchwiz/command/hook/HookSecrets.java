package dev.orchwiz.command.hook;

import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.secret.SecretCipher;
import dev.orchwiz.command.hook.delivery.WebhookSecret;
import dev.orchwiz.command.secret.NodeKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each webhook's signing secret out of the event store (events are replayed, forwarded and shown on the
 * stream), AES-GCM encrypted with the node's key. Secrets stored in plaintext by an older node (which had no key) are
 * encrypted when the node starts.
 */
@Component
public class HookSecrets {

    private static final Logger log = LoggerFactory.getLogger(HookSecrets.class);

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    HookSecrets(JdbcTemplate jdbc, NodeKey key) {
        this.jdbc = jdbc;
        this.cipher = key.cipher();
        encryptPlaintextSecrets();
    }

    /** A new secret for the hook, replacing any old one; the plaintext is returned once, to show once. */
    String issue(HookId hookId) {
        String secret = WebhookSecret.generate();
        jdbc.update("""
                insert into hook_secret (hook_id, secret, encrypted) values (?, ?, true)
                on conflict (hook_id) do update set secret = excluded.secret, encrypted = true, rotated_at = now()
                """, hookId.value(), cipher.seal(secret));
        return secret;
    }

    public Optional<String> secretOf(HookId hookId) {
        List<String> found = jdbc.query(
                "select secret, encrypted from hook_secret where hook_id = ?",
                (rs, n) -> rs.getBoolean("encrypted") ? cipher.open(rs.getString("secret")) : rs.getString("secret"),
                hookId.value());
        return found.stream().findFirst();
    }

    void forget(HookId hookId) {
        jdbc.update("delete from hook_secret where hook_id = ?", hookId.value());
    }

    private void encryptPlaintextSecrets() {
        List<Map<String, Object>> plaintext =
                jdbc.queryForList("select hook_id, secret from hook_secret where not encrypted");
        for (Map<String, Object> row : plaintext) {
            // Only while still plaintext: a rotation racing this one has already stored an encrypted secret.
            jdbc.update(
                    "update hook_secret set secret = ?, encrypted = true where hook_id = ? and not encrypted",
                    cipher.seal((String) row.get("secret")),
                    row.get("hook_id"));
        }
        if (!plaintext.isEmpty()) {
            log.info("Encrypted {} webhook signing secrets that were stored in plaintext", plaintext.size());
        }
    }
}
