package dev.orchwiz.command.hook.delivery;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A webhook's shared HMAC secret in the Standard Webhooks form {@code whsec_<base64>}.
 *
 * <p>The spec asks for 24 to 64 random bytes; we generate 32 and refuse keys outside that range so a truncated paste
 * fails loudly instead of producing signatures no receiver can check.
 */
public final class WebhookSecret {

    static final String PREFIX = "whsec_";
    static final int GENERATED_BYTES = 32;
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    // SecureRandom is thread-safe; one instance avoids reseeding cost on every hook creation.
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {}

    public static String generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * Decodes the key bytes. The bare base64 is accepted too because receivers and other tools often store the secret
     * without its prefix.
     */
    public static byte[] key(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("webhook secret is missing");
        }
        String encoded = secret.strip();
        if (encoded.startsWith(PREFIX)) {
            encoded = encoded.substring(PREFIX.length());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            // The decoder's message quotes the offending character; keep the secret's content out of the error.
            throw new IllegalArgumentException("webhook secret is not whsec_ followed by standard base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "webhook secret must decode to " + MIN_BYTES + " to " + MAX_BYTES + " bytes, not " + key.length);
        }
        return key;
    }
}
