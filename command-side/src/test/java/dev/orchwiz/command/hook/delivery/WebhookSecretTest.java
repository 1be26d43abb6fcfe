package dev.orchwiz.command.hook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretTest {

    @Test
    void generatesAPrefixedBase64SecretOf32RandomBytes() {
        // given
        String first = WebhookSecret.generate();

        // when
        String second = WebhookSecret.generate();

        // then
        assertThat(first).startsWith("whsec_").isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first.substring("whsec_".length())))
                .hasSize(32);
        assertThat(WebhookSecret.key(first)).hasSize(32);
    }

    @Test
    void decodesTheSameKeyWithOrWithoutThePrefix() {
        // given
        String secret = WebhookSecret.generate();
        String bare = secret.substring("whsec_".length());

        // when
        byte[] fromBare = WebhookSecret.key(bare);

        // then
        assertThat(fromBare).isEqualTo(WebhookSecret.key(secret));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "whsec_",
                "whsec_not base64 at all!",
                "whsk_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "whsec_c2hvcnQ=",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
            })
    void rejectsWhatIsNotAStandardWebhooksSecret(String secret) {
        // given
        String candidate = secret;

        // when / then
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSecret.key(candidate))
                .satisfies(refusal -> {
                    if (!candidate.isBlank()) {
                        assertThat(refusal.getMessage()).doesNotContain(candidate);
                    }
                });
    }

    @Test
    void rejectsAMissingSecret() {
        // given
        String missing = null;

        // when / then
        assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.key(missing));
    }
}
