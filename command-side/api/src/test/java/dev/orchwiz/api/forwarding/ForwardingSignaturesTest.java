package dev.orchwiz.api.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingSignaturesTest {

    private static final byte[] BODY = "{\"type\":\"orchwiz.events.batch\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureVerifiesUnderItsPublicKeyReadBackFromText() {
        KeyPair pair = ForwardingSignatures.generate();
        PublicKey pinned = ForwardingSignatures.publicKey(ForwardingSignatures.publicKeyText(pair.getPublic()))
                .orElseThrow();

        String header = ForwardingSignatures.sign(pair.getPrivate(), "fwd_a_1_2", "1767225600", BODY);

        assertThat(header).startsWith("v1a,");
        assertThat(ForwardingSignatures.verifies(header, "fwd_a_1_2", "1767225600", BODY, List.of(pinned)))
                .isTrue();
    }

    @Test
    void publicKeysAreTheRaw32BytesInBase64() {
        KeyPair pair = ForwardingSignatures.generate();

        byte[] raw = Base64.getDecoder().decode(ForwardingSignatures.publicKeyText(pair.getPublic()));

        assertThat(raw).hasSize(32);
    }

    @Test
    void refusesATamperedBodyAnotherIdAnotherTimestampAndAnotherKey() {
        KeyPair pair = ForwardingSignatures.generate();
        KeyPair other = ForwardingSignatures.generate();
        String header = ForwardingSignatures.sign(pair.getPrivate(), "id", "100", BODY);
        byte[] tampered = "{\"type\":\"orchwiz.events.batcH\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(ForwardingSignatures.verifies(header, "id", "100", tampered, List.of(pair.getPublic())))
                .isFalse();
        assertThat(ForwardingSignatures.verifies(header, "id2", "100", BODY, List.of(pair.getPublic())))
                .isFalse();
        assertThat(ForwardingSignatures.verifies(header, "id", "101", BODY, List.of(pair.getPublic())))
                .isFalse();
        assertThat(ForwardingSignatures.verifies(header, "id", "100", BODY, List.of(other.getPublic())))
                .isFalse();
    }

    @Test
    void acceptsAnyEntryOfADualSignedHeaderUnderAnyPinnedKey() {
        KeyPair current = ForwardingSignatures.generate();
        KeyPair next = ForwardingSignatures.generate();
        String header = ForwardingSignatures.sign(current.getPrivate(), "id", "100", BODY) + " "
                + ForwardingSignatures.sign(next.getPrivate(), "id", "100", BODY);

        assertThat(ForwardingSignatures.verifies(header, "id", "100", BODY, List.of(next.getPublic())))
                .isTrue();
        assertThat(ForwardingSignatures.verifies(header, "id", "100", BODY, List.of(current.getPublic())))
                .isTrue();
    }

    @Test
    void ignoresOtherSchemesGarbageAndAnEmptyKeySet() {
        KeyPair pair = ForwardingSignatures.generate();
        String valid = ForwardingSignatures.sign(pair.getPrivate(), "id", "100", BODY);

        assertThat(ForwardingSignatures.verifies(
                        "v1," + valid.substring(4), "id", "100", BODY, List.of(pair.getPublic())))
                .isFalse();
        assertThat(ForwardingSignatures.verifies("v1a,%%%", "id", "100", BODY, List.of(pair.getPublic())))
                .isFalse();
        assertThat(ForwardingSignatures.verifies(valid, "id", "100", BODY, List.of()))
                .isFalse();
        assertThat(ForwardingSignatures.publicKey("not a key")).isEmpty();
        assertThat(ForwardingSignatures.publicKey(Base64.getEncoder().encodeToString(new byte[31])))
                .isEmpty();
    }

    @Test
    void aPrivateKeyReadBackFromTextSignsForItsPublicKey() {
        KeyPair pair = ForwardingSignatures.generate();

        String header = ForwardingSignatures.sign(
                ForwardingSignatures.privateKey(ForwardingSignatures.privateKeyText(pair.getPrivate())),
                "id",
                "1",
                BODY);

        assertThat(ForwardingSignatures.verifies(header, "id", "1", BODY, List.of(pair.getPublic())))
                .isTrue();
    }

    @Test
    void computesTheOriginalHmacOverTimestampNonceAndRawBody() {
        // the expected value was computed with Python's hmac module, independently of this code
        byte[] body = "{\"eventType\":\"session\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);

        String hex = ForwardingSignatures.hmacHex("orchwiz-dev-forwarding-key", "1767225600000", "3f1c", body);

        assertThat(hex).isEqualTo("feb3a08cbafd4502995e8fdaa434b983a500d53f55511fa0fb5d63425b96a8ef");
        assertThat(ForwardingSignatures.hmacMatches(
                        hex.toUpperCase(), "orchwiz-dev-forwarding-key", "1767225600000", "3f1c", body))
                .isTrue();
        assertThat(ForwardingSignatures.hmacMatches(hex, "orchwiz-dev-forwarding-key", "1767225600001", "3f1c", body))
                .isFalse();
        assertThat(ForwardingSignatures.hmacMatches("zz", "orchwiz-dev-forwarding-key", "1767225600000", "3f1c", body))
                .isFalse();
    }

    @Test
    void storesApiKeysAsTheirSha256Hex() {
        String stored = ForwardingSignatures.sha256Hex("orchwiz-dev-forwarding-key");

        assertThat(stored).isEqualTo("cb7ae88fb4c1f8cd76694fcd80fa209c8ac4b3a0d7599abdab01e28865c3b068");
        assertThat(ForwardingSignatures.sha256Matches("orchwiz-dev-forwarding-key", stored))
                .isTrue();
        assertThat(ForwardingSignatures.sha256Matches("orchwiz-dev-forwarding-kez", stored))
                .isFalse();
    }
}
