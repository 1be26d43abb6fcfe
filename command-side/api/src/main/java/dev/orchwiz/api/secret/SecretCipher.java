package dev.orchwiz.api.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM for secrets kept at rest (webhook signing secrets, third-party access tokens), with the node's key. */
public final class SecretCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] FINGERPRINT_TEXT = "orchwiz node key fingerprint v1".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key;

    public SecretCipher(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        } catch (IllegalArgumentException notBase64) {
            raw = new byte[0];
        }
        if (raw.length != 32) {
            throw new IllegalStateException("ORCHWIZ_ENCRYPTION_KEY must be 32 random bytes, base64 encoded"
                    + " (for example: openssl rand -base64 32); it encrypts stored secrets at rest");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /**
     * Names the key without revealing it (an HMAC of a fixed text), so a database can remember which key encrypted
     * its secrets.
     */
    public String fingerprint() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(FINGERPRINT_TEXT));
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("fingerprint failed", failed);
        }
    }

    public byte[] encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("encryption failed", failed);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("a stored token could not be decrypted (was the key changed?)", failed);
        }
    }

    /** {@link #encrypt} as text for a text column. */
    public String seal(String plaintext) {
        return Base64.getEncoder().encodeToString(encrypt(plaintext));
    }

    /** Reverses {@link #seal}. */
    public String open(String sealed) {
        return decrypt(Base64.getDecoder().decode(sealed));
    }
}
