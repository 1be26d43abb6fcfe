package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.secret.SecretCipher;
import dev.orchwiz.command.secret.NodeKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a local call was really asked to run when its event records a redacted input. The event keeps the redacted
 * form (what people see, what the approval's input hash covers); the runner needs the real command. Kept here, out of
 * the event store and always AES-GCM encrypted with the node key (as webhook secrets are), only for calls the node runs
 * itself, and deleted when the call ends.
 */
@Component
public class UnredactedInputs {

    /** The input and stdin as asked. */
    public record Kept(Map<String, Object> input, String stdin) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> INPUT = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final SecretCipher cipher;

    UnredactedInputs(JdbcTemplate jdbc, NodeKey key) {
        this.jdbc = jdbc;
        this.cipher = key.cipher();
    }

    void keep(ToolCallId id, Map<String, Object> input, String stdin) {
        jdbc.update(
                "insert into tool_call_unredacted_input (tool_call_id, input, stdin, encrypted) values (?, ?, ?, ?)",
                id.value(),
                cipher.seal(JSON.writeValueAsString(input)),
                stdin == null ? null : cipher.seal(stdin),
                true);
    }

    public Optional<Kept> of(ToolCallId id) {
        List<Kept> found = jdbc.query(
                "select input, stdin, encrypted from tool_call_unredacted_input where tool_call_id = ?",
                (rs, row) -> {
                    boolean encrypted = rs.getBoolean("encrypted");
                    String stdin = rs.getString("stdin");
                    return new Kept(
                            JSON.readValue(open(rs.getString("input"), encrypted), INPUT),
                            stdin == null ? null : open(stdin, encrypted));
                },
                id.value());
        return found.stream().findFirst();
    }

    public void forget(ToolCallId id) {
        jdbc.update("delete from tool_call_unredacted_input where tool_call_id = ?", id.value());
    }

    private String open(String stored, boolean encrypted) {
        if (!encrypted) {
            return stored;
        }
        return cipher.open(stored);
    }
}
