package dev.orchwiz.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Secrets are encrypted at rest always: when no {@code ORCHWIZ_ENCRYPTION_KEY} is configured, the node keeps its own
 * key in {@code ORCHWIZ_HOME/keys/node.key} (created once, atomically, readable by the node's user only) and uses it
 * as if it were configured. A key file that exists but cannot be read or is malformed stops the node: a fresh key would
 * silently make every stored secret unreadable.
 */
public class NodeKeyEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY = "orchwiz.encryption-key";
    static final String KEY_FILE = "keys/node.key";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Log log;

    public NodeKeyEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(NodeKeyEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return;
        }
        Path keyFile = Path.of(environment.getRequiredProperty("orchwiz.home"))
                .resolve(KEY_FILE)
                .toAbsolutePath();
        String key = readOrCreate(keyFile);
        environment.getPropertySources().addFirst(new MapPropertySource("orchwizNodeKey", Map.of(PROPERTY, key)));
    }

    /** The key kept in the file, creating the file with a new random key when there is none. */
    String readOrCreate(Path keyFile) {
        if (!Files.exists(keyFile)) {
            create(keyFile);
        }
        String key;
        try {
            key = Files.readString(keyFile, StandardCharsets.US_ASCII).trim();
        } catch (IOException unreadable) {
            throw new IllegalStateException(
                    "The node key " + keyFile + " exists but cannot be read (" + unreadable.getMessage()
                            + "); the secrets in the database are encrypted with it. Make it readable by this user,"
                            + " or set ORCHWIZ_ENCRYPTION_KEY to the same key",
                    unreadable);
        }
        if (!isKey(key)) {
            throw new IllegalStateException("The node key " + keyFile + " is not 32 base64-encoded bytes; restore it"
                    + " from a backup, or set ORCHWIZ_ENCRYPTION_KEY to the key the database's secrets were encrypted"
                    + " with");
        }
        return key;
    }

    private void create(Path keyFile) {
        try {
            Path directory = Files.createDirectories(keyFile.getParent());
            Path draft = Files.createTempFile(
                    directory,
                    "node.key.",
                    ".new",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                byte[] raw = new byte[KEY_BYTES];
                RANDOM.nextBytes(raw);
                Files.writeString(draft, Base64.getEncoder().encodeToString(raw) + "\n", StandardCharsets.US_ASCII);
                // A link never replaces an existing file: of two nodes starting at once, one key wins, whole.
                Files.createLink(keyFile, draft);
                log.warn("No ORCHWIZ_ENCRYPTION_KEY configured: generated this node's key in " + keyFile
                        + ". It encrypts stored secrets; back it up with the database, and keep it private");
            } catch (FileAlreadyExistsException anotherNodeWasFaster) {
                // its key is complete: read below
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException failed) {
            throw new IllegalStateException(
                    "Cannot create the node key " + keyFile + " (" + failed.getMessage() + "); make ORCHWIZ_HOME"
                            + " writable, or set ORCHWIZ_ENCRYPTION_KEY (for example: openssl rand -base64 32)",
                    failed);
        }
    }

    private static boolean isKey(String value) {
        try {
            return Base64.getDecoder().decode(value).length == KEY_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
