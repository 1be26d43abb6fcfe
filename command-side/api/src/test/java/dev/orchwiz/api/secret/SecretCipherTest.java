package dev.orchwiz.api.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String OTHER_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    @Test
    void encryptsSoTheTokenCannotBeReadAndDecryptsItBack() {
        SecretCipher cipher = new SecretCipher(KEY);

        byte[] sealed = cipher.encrypt("gho_secret");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("gho_secret");
        assertThat(cipher.decrypt(sealed)).isEqualTo("gho_secret");
        assertThat(cipher.encrypt("gho_secret")).isNotEqualTo(sealed);
    }

    @Test
    void refusesAnotherKeyAndKeysOfTheWrongSize() {
        byte[] sealed = new SecretCipher(KEY).encrypt("gho_secret");

        assertThatThrownBy(() -> new SecretCipher(OTHER_KEY).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher("c2hvcnQ=")).hasMessageContaining("ORCHWIZ_ENCRYPTION_KEY");
        assertThatThrownBy(() -> new SecretCipher(null)).hasMessageContaining("ORCHWIZ_ENCRYPTION_KEY");
    }

    /**
     * GitHub access tokens were sealed by the sign-in side's own cipher before this one served both; a value it wrote
     * (IV then ciphertext and tag, as stored in {@code github_credential.access_token}) must still open.
     */
    @Test
    void opensWhatTheFormerTokenCipherStored() {
        byte[] storedBefore = Base64.getDecoder()
                .decode("32CYFcxgErM7/lEYDQylLAfhNYSKilu//GzP9+r4mYgz6QHP9CURuwdfufKioCQyd5cR28qGDw==");

        assertThat(new SecretCipher(KEY).decrypt(storedBefore)).isEqualTo("gho_written_by_token_cipher");
    }
}
