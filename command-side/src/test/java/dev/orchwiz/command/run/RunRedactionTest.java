package dev.orchwiz.command.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per rule of what a run never records, and what it must leave alone. */
class RunRedactionTest {

    private final RunRedaction redaction = new RunRedaction(
            Map.of("OPENAI_API_KEY", "local-server-key-123456", "OPENCLAW_GATEWAY_TOKEN", "gw-token-abcdef"),
            List.of("ticket-[0-9]{4}"));

    @Test
    void masksProviderApiKeys() {
        assertThat(redaction.redact("key sk-proj-ABCDEFGHIJKLMNOPQRSTUV123 and sk-ant-api03-abcdefghijklmnopqrstuv"))
                .isEqualTo("key [REDACTED] and [REDACTED]");
        assertThat(redaction.redact("langfuse pk-lf-12345678-aaaa sk-lf-87654321-bbbb"))
                .doesNotContain("12345678")
                .doesNotContain("87654321");
    }

    @Test
    void masksTheNodesOwnRuntimeSecretsWhateverTheirShape() {
        assertThat(redaction.redact("the key is local-server-key-123456, token gw-token-abcdef"))
                .doesNotContain("local-server-key-123456")
                .doesNotContain("gw-token-abcdef");
    }

    @Test
    void masksBearerTokens() {
        assertThat(redaction.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig"))
                .isEqualTo("Authorization: Bearer [REDACTED]");
    }

    @Test
    void masksOtherTokensOfKnownShapes() {
        assertThat(redaction.redact(
                        "ghp_abcdefghijklmnopqrstuvwxyz012345 owz_abcdefghijklmnop1234 AKIAABCDEFGHIJKLMNOP"))
                .isEqualTo("[REDACTED] [REDACTED] [REDACTED]");
    }

    @Test
    void masksPrivateKeys() {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----";
        assertThat(redaction.redact("here:\n" + key + "\ndone")).isEqualTo("here:\n[REDACTED]\ndone");
    }

    @Test
    void masksEmailAddresses() {
        assertThat(redaction.redact("write to ada.lovelace+work@example.co.uk today"))
                .isEqualTo("write to [REDACTED] today");
    }

    @Test
    void masksCardNumbersThatPassTheLuhnCheckOnly() {
        assertThat(redaction.redact("card 4111 1111 1111 1111 ok")).isEqualTo("card [REDACTED] ok");
        assertThat(redaction.redact("card 4111-1111-1111-1111")).isEqualTo("card [REDACTED]");
        assertThat(redaction.redact("order 1234567890123456"))
                .as("fails Luhn: an order number stays")
                .isEqualTo("order 1234567890123456");
    }

    @Test
    void masksTheNodesCustomPatterns() {
        assertThat(redaction.redact("see ticket-1234")).isEqualTo("see [REDACTED]");
    }

    @Test
    void masksStringsInsideToolArgumentsButKeepsTheirKeysAndOtherValues() {
        Map<String, Object> masked =
                redaction.redactValues(Map.of("command", "curl -H 'Authorization: Bearer abcdefghijkl'", "timeout", 5));
        assertThat(masked).containsEntry("timeout", 5);
        assertThat((String) masked.get("command")).doesNotContain("abcdefghijkl");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "Refactor the parser; run `mvn test` and report 3 failures (see line 42).";
        assertThat(redaction.redact(text)).isEqualTo(text);
        assertThat(redaction.redact(null)).isNull();
    }
}
