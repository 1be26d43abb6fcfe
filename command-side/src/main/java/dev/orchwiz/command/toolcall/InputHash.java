package dev.orchwiz.command.toolcall;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds an approval to the exact call: SHA-256 over the tool name and its input as canonical JSON (keys sorted), so
 * the same input always hashes the same and any change, even reordering-free, gives another hash.
 */
final class InputHash {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private InputHash() {}

    static String of(String tool, Map<String, Object> input) {
        byte[] canonical = (tool + "\n" + CANONICAL.writeValueAsString(input == null ? Map.of() : input))
                .getBytes(StandardCharsets.UTF_8);
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime has SHA-256", missing);
        }
    }
}
