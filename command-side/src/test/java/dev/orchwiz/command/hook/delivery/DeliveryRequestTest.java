package dev.orchwiz.command.hook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryRequestTest {

    private static final URI URL = URI.create("https://hooks.example.com/orchwiz");
    private static final String SECRET = WebhookSecret.generate();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void keepsTheSecretOutOfItsTextForm() {
        // given
        DeliveryRequest request = new DeliveryRequest(URL, "msg_1", new byte[] {'{', '}'}, SECRET, TIMEOUT);

        // when
        String text = request.toString();

        // then
        assertThat(text).doesNotContain(SECRET).doesNotContain(SECRET.substring("whsec_".length()));
        assertThat(text).contains("msg_1", "2 bytes", "<redacted>");
    }

    @Test
    void keepsItsOwnCopyOfTheBody() {
        // given
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        DeliveryRequest request = new DeliveryRequest(URL, "msg_1", body, SECRET, TIMEOUT);

        // when
        body[0] = 'X';
        request.body()[1] = 'Y';

        // then
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(request)
                .isEqualTo(new DeliveryRequest(
                        URL, "msg_1", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), SECRET, TIMEOUT));
    }

    @Test
    void rejectsWhatCouldNotBeSignedOrSent() {
        // given
        byte[] body = new byte[0];

        // when / then
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryRequest(URL, "msg.1", body, SECRET, TIMEOUT));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryRequest(URL, " ", body, SECRET, TIMEOUT));
        assertThatIllegalArgumentException().isThrownBy(() -> new DeliveryRequest(URL, "msg_1", body, "nope", TIMEOUT));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliveryRequest(URL, "msg_1", body, SECRET, Duration.ZERO));
    }
}
