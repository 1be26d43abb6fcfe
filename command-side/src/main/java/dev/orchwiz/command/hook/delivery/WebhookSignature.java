package dev.orchwiz.command.hook.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks symmetric signatures: {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}.
 *
 * <p>The timestamp is part of the signed content so that a captured delivery cannot be replayed outside the receiver's
 * tolerance window; the id lets the receiver drop duplicates inside it.
 */
public final class WebhookSignature {

    static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";
    // Plain ASCII digits only (Long.parseLong would also take "+12" or "-12"); 12 digits reach the year 33658 and keep
    // Instant.ofEpochSecond clear of its range limit.
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern ENTRY_SEPARATOR = Pattern.compile(" +");

    private WebhookSignature() {}

    /**
     * Signs the exact bytes that will be sent; re-serialising JSON before signing or verifying would break the match.
     *
     * @throws IllegalArgumentException for an invalid secret, a blank id, or an id containing '.', because '.' is the
     *     separator of the signed content and would make two different (id, timestamp) pairs sign the same bytes
     */
    public static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
        requireValidId(messageId);
        if (timestampSeconds < 0) {
            throw new IllegalArgumentException("timestamp must not be negative");
        }
        if (body == null) {
            throw new IllegalArgumentException("body is missing");
        }
        byte[] mac = mac(WebhookSecret.key(secret), messageId, Long.toString(timestampSeconds), body);
        return VERSION + "," + Base64.getEncoder().encodeToString(mac);
    }

    /**
     * Checks a received delivery. Everything that came over the wire is untrusted, so malformed headers give {@code
     * false} rather than an exception; only a bad {@code secret}, which is the receiver's own configuration, throws.
     *
     * @param signatureHeader space-separated entries such as {@code v1,abc= v1a,def=}; any matching {@code v1} entry
     *     passes, which is what lets a sender sign with an old and a new secret during rotation
     */
    public static boolean verify(
            String secret,
            String messageId,
            String timestampHeader,
            String signatureHeader,
            byte[] body,
            Instant now,
            Duration tolerance) {
        byte[] key = WebhookSecret.key(secret);
        if (!isValidId(messageId) || timestampHeader == null || signatureHeader == null || body == null) {
            return false;
        }
        if (now == null || tolerance == null || tolerance.isNegative()) {
            throw new IllegalArgumentException("now and a non-negative tolerance are required");
        }
        if (!UNIX_SECONDS.matcher(timestampHeader).matches()) {
            return false;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestampHeader));
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            return false;
        }
        byte[] expected = mac(key, messageId, timestampHeader, body);
        boolean matched = false;
        for (String entry : ENTRY_SEPARATOR.split(signatureHeader.strip())) {
            byte[] candidate = v1Digest(entry);
            // MessageDigest.isEqual takes the same time wherever the bytes differ, so an attacker cannot find the
            // right signature byte by byte from response timings. No early exit either, for the same reason.
            matched |= candidate != null && MessageDigest.isEqual(expected, candidate);
        }
        return matched;
    }

    private static byte[] v1Digest(String entry) {
        int comma = entry.indexOf(',');
        if (comma < 0 || !VERSION.equals(entry.substring(0, comma))) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(entry.substring(comma + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] mac(byte[] key, String messageId, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException unavailable) {
            // Every Java SE runtime must provide HmacSHA256, so this only happens on a broken JDK.
            throw new IllegalStateException("HmacSHA256 is not available", unavailable);
        }
    }

    static void requireValidId(String messageId) {
        if (!isValidId(messageId)) {
            throw new IllegalArgumentException("message id must be non-blank and must not contain '.'");
        }
    }

    private static boolean isValidId(String messageId) {
        return messageId != null && !messageId.isBlank() && messageId.indexOf('.') < 0;
    }
}
