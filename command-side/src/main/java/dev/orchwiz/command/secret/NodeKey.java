package dev.orchwiz.command.secret;

import dev.orchwiz.api.secret.SecretCipher;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The node's key for secrets at rest ({@code orchwiz.encryption-key}: configured, or kept by the node in its home).
 * The database remembers the fingerprint of the key its secrets were first encrypted with; a node with another key
 * refuses to start rather than write secrets nobody could read back together with ones it cannot read.
 */
@Component
public class NodeKey {

    private final SecretCipher cipher;

    NodeKey(JdbcTemplate jdbc, @Value("${orchwiz.encryption-key:}") String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("No node key: set ORCHWIZ_ENCRYPTION_KEY (openssl rand -base64 32), or"
                    + " let the node keep one in ORCHWIZ_HOME/keys/node.key");
        }
        this.cipher = new SecretCipher(key);
        String fingerprint = cipher.fingerprint();
        // Of two nodes starting on one database at once, the first insert wins and the other compares against it.
        jdbc.update(
                "insert into node_key_check (id, fingerprint) values (1, ?) on conflict (id) do nothing", fingerprint);
        List<String> recorded = jdbc.queryForList("select fingerprint from node_key_check where id = 1", String.class);
        if (!recorded.equals(List.of(fingerprint))) {
            throw new WrongNodeKey();
        }
    }

    public SecretCipher cipher() {
        return cipher;
    }

    /** The configured or kept key is not the one this database's secrets are encrypted with. */
    static class WrongNodeKey extends IllegalStateException {

        WrongNodeKey() {
            super("This database's secrets were encrypted with another key than this node's. Set"
                    + " ORCHWIZ_ENCRYPTION_KEY to that key, or restore ORCHWIZ_HOME/keys/node.key from a backup"
                    + " (a node without either generates a new key, which cannot read them)");
        }
    }
}
