package dev.orchwiz.command.hook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

    // The Standard Webhooks specification's published test vector, so any of its receiver libraries can verify us.
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final String SECRET = WebhookSecret.generate();
    private static final String ID = "msg_01JD7Y";
    private static final long TIMESTAMP = 1_795_000_000L;
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(TIMESTAMP);
    private static final byte[] BODY = "{\"type\":\"hook.PostToolUse\"}".getBytes(StandardCharsets.UTF_8);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void signsTheIdTimestampAndBodyWithHmacSha256InStandardBase64() throws Exception {
        // given
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 1);
        }
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        byte[] body = "{\"n\":\"ü\"}".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] digest = mac.doFinal("msg_fixed.1700000000.{\"n\":\"ü\"}".getBytes(StandardCharsets.UTF_8));

        // when
        String signature = WebhookSignature.sign(secret, "msg_fixed", 1_700_000_000L, body);

        // then
        assertThat(signature).isEqualTo("v1," + Base64.getEncoder().encodeToString(digest));
    }

    @Test
    void reproducesTheStandardWebhooksTestVector() {
        // given
        String secret = SPEC_SECRET;

        // when
        String signature = WebhookSignature.sign(secret, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);

        // then
        assertThat(signature).isEqualTo(SPEC_SIGNATURE);
        assertThat(WebhookSignature.verify(
                        SPEC_SECRET,
                        SPEC_ID,
                        Long.toString(SPEC_TIMESTAMP),
                        SPEC_SIGNATURE,
                        SPEC_BODY,
                        Instant.ofEpochSecond(SPEC_TIMESTAMP),
                        TOLERANCE))
                .isTrue();
    }

    @Test
    void verifiesWhatItSigned() {
        // given
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        // when
        boolean verified = verify(ID, Long.toString(TIMESTAMP), signature, BODY, SIGNED_AT.plusSeconds(3));

        // then
        assertThat(verified).isTrue();
    }

    @Test
    void acceptsTheSecretWithoutItsPrefix() {
        // given
        String bare = SPEC_SECRET.substring("whsec_".length());

        // when
        String signature = WebhookSignature.sign(bare, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);

        // then
        assertThat(signature).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void rejectsATamperedBody() {
        // given
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);
        byte[] tampered = "{\"type\":\"hook.PostToolUse\" }".getBytes(StandardCharsets.UTF_8);

        // when
        boolean verified = verify(ID, Long.toString(TIMESTAMP), signature, tampered, SIGNED_AT);

        // then
        assertThat(verified).isFalse();
    }

    @Test
    void rejectsATamperedId() {
        // given
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        // when
        boolean verified = verify("msg_01JD7Z", Long.toString(TIMESTAMP), signature, BODY, SIGNED_AT);

        // then
        assertThat(verified).isFalse();
    }

    @Test
    void rejectsATamperedTimestamp() {
        // given
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        // when
        boolean verified = verify(ID, Long.toString(TIMESTAMP + 1), signature, BODY, SIGNED_AT);

        // then
        assertThat(verified).isFalse();
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        // given
        String signature = WebhookSignature.sign(WebhookSecret.generate(), ID, TIMESTAMP, BODY);

        // when
        boolean verified = verify(ID, Long.toString(TIMESTAMP), signature, BODY, SIGNED_AT);

        // then
        assertThat(verified).isFalse();
    }

    @Test
    void enforcesTheToleranceInBothDirections() {
        // given
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);
        String timestamp = Long.toString(TIMESTAMP);

        // when / then
        assertThat(verify(ID, timestamp, signature, BODY, SIGNED_AT.plus(TOLERANCE)))
                .isTrue();
        assertThat(verify(ID, timestamp, signature, BODY, SIGNED_AT.minus(TOLERANCE)))
                .isTrue();
        assertThat(verify(
                        ID,
                        timestamp,
                        signature,
                        BODY,
                        SIGNED_AT.plus(TOLERANCE).plusSeconds(1)))
                .isFalse();
        assertThat(verify(
                        ID,
                        timestamp,
                        signature,
                        BODY,
                        SIGNED_AT.minus(TOLERANCE).minusSeconds(1)))
                .isFalse();
    }

    @Test
    void passesWhenAnyOfSeveralSignaturesMatches() {
        // given
        String old = WebhookSignature.sign(WebhookSecret.generate(), ID, TIMESTAMP, BODY);
        String current = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);
        String header = old + " v1a,bm90LWNoZWNrZWQ= " + current;

        // when
        boolean verified = verify(ID, Long.toString(TIMESTAMP), header, BODY, SIGNED_AT);

        // then
        assertThat(verified).isTrue();
    }

    @Test
    void ignoresSignaturesOfOtherVersionsEvenWithTheRightDigest() {
        // given
        String digest = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY).substring("v1,".length());

        // when
        boolean verified = verify(ID, Long.toString(TIMESTAMP), "v2," + digest + " v1a," + digest, BODY, SIGNED_AT);

        // then
        assertThat(verified).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "v1", "v1,", "v1,!!!not-base64!!!", ",abc", "garbage"})
    void rejectsMalformedSignatureHeadersWithoutThrowing(String header) {
        // given
        String timestamp = Long.toString(TIMESTAMP);

        // when
        boolean verified = verify(ID, timestamp, header, BODY, SIGNED_AT);

        // then
        assertThat(verified).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"1795000000.0", "+1795000000", "-1795000000", "1795000000 ", "", "abc", "9999999999999999999"})
    void rejectsMalformedTimestamps(String timestamp) {
        // given
        String signature = WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY);

        // when
        boolean verified = verify(ID, timestamp, signature, BODY, SIGNED_AT);

        // then
        assertThat(verified).isFalse();
    }

    @Test
    void rejectsIdsContainingADot() {
        // given
        String dotted = "msg.1";

        // when / then
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSignature.sign(SECRET, dotted, TIMESTAMP, BODY));
        assertThat(verify(dotted, Long.toString(TIMESTAMP), "v1,AAAA", BODY, SIGNED_AT))
                .isFalse();
    }

    @Test
    void keepsIdAndTimestampApartSoTheyCannotBeShiftedIntoEachOther() {
        // given
        // Without the '.' rule, id "a.1" with timestamp 2 and id "a" with timestamp "1.2" would sign the same bytes.
        String signature = WebhookSignature.sign(SECRET, "a", 12L, BODY);

        // when
        boolean shifted = verify("a", "1.2", signature, BODY, Instant.ofEpochSecond(12));

        // then
        assertThat(shifted).isFalse();
    }

    @Test
    void refusesToVerifyWithAnInvalidSecret() {
        // given
        String notASecret = "whsec_short";

        // when / then
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSignature.verify(
                        notASecret, ID, Long.toString(TIMESTAMP), "v1,AAAA", BODY, SIGNED_AT, TOLERANCE));
    }

    private static boolean verify(String id, String timestamp, String header, byte[] body, Instant now) {
        return WebhookSignature.verify(SECRET, id, timestamp, header, body, now, TOLERANCE);
    }
}
