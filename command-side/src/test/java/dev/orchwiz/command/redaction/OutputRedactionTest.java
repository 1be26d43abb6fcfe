package dev.orchwiz.command.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputRedactionTest {

    private final OutputRedaction redaction = new OutputRedaction(Map.of("PGPASSWORD", "s3cr3t-pg-pass"));

    @Test
    void redactsEveryStringOfAToolCallInputAtAnyDepthByTheOutputRules() {
        // given
        Map<String, Object> input = Map.of(
                "command",
                "curl -H 'Authorization: Bearer abcdefghijklmnop' https://x",
                "env",
                Map.of("PGPASSWORD", "s3cr3t-pg-pass", "NOTE", "password=hunter22"),
                "args",
                List.of("--token", "owz_AAAAAAAAAAAAAAAAAAAAAA", 3),
                "timeout",
                30);

        // when
        Map<String, Object> redacted = redaction.redactValues(input);

        // then
        assertThat(redacted.get("command")).isEqualTo("curl -H 'Authorization: Bearer [REDACTED]' https://x");
        assertThat(redacted.get("env")).isEqualTo(Map.of("PGPASSWORD", "[REDACTED]", "NOTE", "password=[REDACTED]"));
        assertThat(redacted.get("args")).isEqualTo(List.of("--token", "[REDACTED]", 3));
        assertThat(redacted.get("timeout")).isEqualTo(30);
        assertThat(redacted.toString()).doesNotContain("abcdefghijklmnop", "s3cr3t", "hunter22", "owz_A");
    }

    @Test
    void leavesAnInputWithoutSecretsEqualToItself() {
        Map<String, Object> input = Map.of("command", "npm test", "files", List.of("a.txt", Map.of("b", 1)));

        assertThat(redaction.redactValues(input)).isEqualTo(input);
    }
}
