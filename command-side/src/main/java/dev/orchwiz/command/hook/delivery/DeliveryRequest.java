package dev.orchwiz.command.hook.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * One message to deliver. It is validated here, when it is built, so that {@link WebhookSender#send} has nothing left
 * to reject but the target itself.
 *
 * @param messageId the {@code webhook-id}: the same on every retry of the message, so receivers can drop duplicates
 * @param body the exact bytes that are signed and sent (copied, so later changes to the caller's array cannot make
 *     signature and body disagree)
 * @param timeout the budget for one attempt: connecting, sending and reading the response
 */
public record DeliveryRequest(URI url, String messageId, byte[] body, String secret, Duration timeout) {

    public DeliveryRequest {
        Objects.requireNonNull(url, "url");
        WebhookSignature.requireValidId(messageId);
        Objects.requireNonNull(body, "body");
        WebhookSecret.key(secret);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    // Arrays compare by identity in a record's generated equals; two requests with the same bytes are the same request.
    @Override
    public boolean equals(Object other) {
        return other instanceof DeliveryRequest that
                && url.equals(that.url)
                && messageId.equals(that.messageId)
                && Arrays.equals(body, that.body)
                && secret.equals(that.secret)
                && timeout.equals(that.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, messageId, Arrays.hashCode(body), secret, timeout);
    }

    // The generated toString would print the secret into any log line that mentions the request.
    @Override
    public String toString() {
        return "DeliveryRequest[url=" + url + ", messageId=" + messageId + ", body=" + body.length
                + " bytes, secret=<redacted>, timeout=" + timeout + "]";
    }
}
