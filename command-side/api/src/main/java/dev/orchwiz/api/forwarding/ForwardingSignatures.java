package dev.orchwiz.api.forwarding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two ways a forwarded request is signed, in one place for the signer and the verifier: Standard Webhooks with
 * ed25519 ({@code webhook-signature: v1a,<base64>} over {@code id.timestamp.body}) for batches between OrchWiz nodes,
 * and the original OrchWiz's hex HMAC-SHA256 of {@code timestamp.nonce.rawBody} keyed by the source's api key.
 * Public keys travel as the raw 32 bytes in base64 (as Standard Webhooks and other ed25519 tools write them), not as
 * the JDK's X.509 wrapping.
 */
public final class ForwardingSignatures {

    /** The DER prefix the JDK puts before the raw 32 bytes of an ed25519 public key (RFC 8410). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private static final int RAW_KEY_BYTES = 32;
    private static final String SCHEME = "v1a,";

    private ForwardingSignatures() {}

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("this JDK has no Ed25519", unavailable);
        }
    }

    public static String publicKeyText(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length));
    }

    /** A raw base64 ed25519 public key, or empty for anything else (never throws on untrusted text). */
    public static Optional<PublicKey> publicKey(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getDecoder().decode(text.trim());
            if (raw.length != RAW_KEY_BYTES) {
                return Optional.empty();
            }
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            encoded.writeBytes(X509_PREFIX);
            encoded.writeBytes(raw);
            return Optional.of(
                    KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded.toByteArray())));
        } catch (IllegalArgumentException | GeneralSecurityException notAKey) {
            return Optional.empty();
        }
    }

    /** The private key as text to seal at rest (PKCS#8, base64). */
    public static String privateKeyText(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static PrivateKey privateKey(String text) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
        } catch (GeneralSecurityException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("a stored node key is not an ed25519 private key", unreadable);
        }
    }

    /** One {@code v1a,<base64>} entry of a {@code webhook-signature} header. */
    public static String sign(PrivateKey key, String webhookId, String timestamp, byte[] body) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(signedContent(webhookId, timestamp, body));
            return SCHEME + Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("signing failed", failed);
        }
    }

    /**
     * Whether any {@code v1a} entry of the space-separated header verifies under any of {@code keys}: a node that
     * rotates signs with both keys, and a receiver may pin either.
     */
    public static boolean verifies(
            String header, String webhookId, String timestamp, byte[] body, Collection<PublicKey> keys) {
        if (header == null || keys.isEmpty()) {
            return false;
        }
        byte[] content = signedContent(webhookId, timestamp, body);
        for (String entry : header.trim().split(" +")) {
            if (!entry.startsWith(SCHEME)) {
                continue;
            }
            byte[] candidate;
            try {
                candidate = Base64.getDecoder().decode(entry.substring(SCHEME.length()));
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            for (PublicKey key : keys) {
                if (verifies(key, content, candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean verifies(PublicKey key, byte[] content, byte[] candidate) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(content);
            return signature.verify(candidate);
        } catch (GeneralSecurityException malformed) {
            return false;
        }
    }

    private static byte[] signedContent(String webhookId, String timestamp, byte[] body) {
        ByteArrayOutputStream content = new ByteArrayOutputStream(body.length + 64);
        content.writeBytes((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        content.writeBytes(body);
        return content.toByteArray();
    }

    /** The original OrchWiz's signature: lowercase hex HMAC-SHA256 of {@code timestamp.nonce.rawBody}. */
    public static String hmacHex(String apiKey, String timestamp, String nonce, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + "." + nonce + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("HMAC failed", failed);
        }
    }

    /** Compares in constant time; a header that is not hex never matches. */
    public static boolean hmacMatches(String header, String apiKey, String timestamp, String nonce, byte[] rawBody) {
        if (header == null) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(hmacHex(apiKey, timestamp, nonce, rawBody));
        try {
            return MessageDigest.isEqual(
                    expected, HexFormat.of().parseHex(header.trim().toLowerCase()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }

    /** How an api key is stored: the hex SHA-256 of its UTF-8 bytes (an api key is random, so no salt is needed). */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("no SHA-256", unavailable);
        }
    }

    public static boolean sha256Matches(String text, String storedHex) {
        return storedHex != null
                && MessageDigest.isEqual(
                        sha256Hex(text).getBytes(StandardCharsets.UTF_8), storedHex.getBytes(StandardCharsets.UTF_8));
    }
}
