package dev.orchwiz.command.forwarding;

import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.command.secret.NodeKey;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where this node's ed25519 private keys are kept: sealed with the node key (AES-GCM), in {@code node_signing_key}.
 * A key is made inside the command that announces it, so the row and the event commit together or not at all; the
 * event carries only the public half.
 */
@Component
public class NodeSigningKeys {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final NodeKey nodeKey;
    private final Duration grace;

    NodeSigningKeys(JdbcTemplate jdbc, NodeKey nodeKey, @Value("${orchwiz.node.key-grace:P3D}") Duration grace) {
        this.jdbc = jdbc;
        this.nodeKey = nodeKey;
        this.grace = grace;
    }

    /** A new key's id and public half; its private half is stored before this returns. */
    record Made(String keyId, String publicKey) {}

    Made make() {
        KeyPair pair = ForwardingSignatures.generate();
        // A key id names its day (to read logs by) and is unique without asking the database; it is path-safe.
        String keyId = DAY.format(Instant.now()) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        jdbc.update(
                "insert into node_signing_key (key_id, private_key_sealed) values (?, ?)",
                keyId,
                nodeKey.cipher().seal(ForwardingSignatures.privateKeyText(pair.getPrivate())));
        return new Made(keyId, ForwardingSignatures.publicKeyText(pair.getPublic()));
    }

    /** How long a rotated-out key still verifies, so that batches signed just before a rotation are accepted. */
    Duration grace() {
        return grace;
    }

    /** The private half of one of this node's keys, for signing what it forwards. */
    public Optional<PrivateKey> privateKey(String keyId) {
        List<String> sealed = jdbc.queryForList(
                "select private_key_sealed from node_signing_key where key_id = ?", String.class, keyId);
        return sealed.stream()
                .findFirst()
                .map(text -> ForwardingSignatures.privateKey(nodeKey.cipher().open(text)));
    }
}
