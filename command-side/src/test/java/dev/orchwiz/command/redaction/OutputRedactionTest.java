package dev.orchwiz.command.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
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

    /** The rules as they were before the one-scan pre-check: every shape's regex over every text, in order. */
    private static String reference(String text) {
        String result = text.replace("s3cr3t-pg-pass", OutputRedaction.MASK);
        for (Pattern shape : OutputRedaction.SHAPES) {
            result = shape.matcher(result).replaceAll(OutputRedaction.MASK);
        }
        return result;
    }

    /** Every rule's example, near misses of each, and case variants: the pre-check must not skip any of them. */
    private static final List<String> EXAMPLES = List.of(
            "key sk-proj-ABCDEFGHIJKLMNOPQRSTUV123 and sk-ant-api03-abcdefghijklmnopqrstuv",
            "langfuse pk-lf-12345678-aaaa sk-lf-87654321-bbbb",
            "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig",
            "authorization: BEARER abcdefghijklmnop==",
            "ghp_abcdefghijklmnopqrstuvwxyz012345 owz_abcdefghijklmnop1234 AKIAABCDEFGHIJKLMNOP",
            "gho_abcdefghijklmnopqrstuvwxyz ghs_ABCDEFGHIJKLMNOPQRSTUVWXYZ ghr_0123456789abcdefghij",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "here:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\ndone",
            "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----",
            "password=hunter22 PASSWD: 'letmein' Secret = \"s3cr3tvalue\" api_key=abcd1234 API-KEY:zzzz apikey=wxyz",
            "access_token=abc.def.ghi Access-Token: qwertyuiop accesstoken=12345678",
            "export PGPASSWORD=s3cr3t-pg-pass; psql",
            "the node password is s3cr3t-pg-pass",
            "curl -H 'Authorization: Bearer abcdefghijklmnop' https://x",
            "Refactor the parser; run `mvn test` and report 3 failures (see line 42).",
            "disk-1 task-7 risk-free ask-me owz_short whsec_short ghp_short AKIA123 bearer x password",
            "sk-ant-short pk-lf-1 bearer  spaced password = ; secret:",
            "");

    @Test
    void masksExactlyAsEveryShapeScannedInTurnWouldOnTheRulesExamples() {
        for (String text : EXAMPLES) {
            assertThat(redaction.redact(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void masksExactlyAsEveryShapeScannedInTurnWouldOnGeneratedText() {
        // Texts glued from secret shapes, their fragments and case variants, and ordinary words, so that shapes touch,
        // overlap and are cut short at every position; a fixed seed keeps a failure reproducible.
        List<String> parts = new ArrayList<>(List.of(
                "owz_",
                "whsec_",
                "ghp_",
                "ghu_",
                "gh",
                "AKIA",
                "akia",
                "sk-",
                "pk-lf-",
                "sk-lf-",
                "sk-ant-",
                "sk-proj-",
                "k-",
                "Bearer ",
                "bearer ",
                "BEARER ",
                "bear",
                "-----BEGIN ",
                "PRIVATE KEY-----",
                "-----END ",
                "password",
                "Passwd",
                "PASSWORD",
                "secret",
                "SeCrEt",
                "api_key",
                "api-key",
                "apikey",
                "API",
                "access_token",
                "Access-Token",
                "access",
                "=",
                ": ",
                ":",
                "\"",
                "'",
                " ",
                "  ",
                "\n",
                ",",
                ";",
                "s3cr3t-pg-pass",
                "s3cr3t",
                "abcdefghijklmnop",
                "ABCDEFGHIJKLMNOP",
                "0123456789",
                "A1b2C3d4E5f6G7h8",
                "session",
                "tool call",
                "ok",
                "é",
                "\u212a",
                "[REDACTED]"));
        parts.addAll(EXAMPLES);
        Random random = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(8);
            for (int p = 0; p < pieces; p++) {
                text.append(parts.get(random.nextInt(parts.size())));
            }
            String generated = text.toString();
            assertThat(redaction.redact(generated)).as(generated).isEqualTo(reference(generated));
        }
    }
}
