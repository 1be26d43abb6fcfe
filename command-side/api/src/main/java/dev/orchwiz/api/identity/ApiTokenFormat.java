package dev.orchwiz.api.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API token format: {@code owz_} and 43 characters of a 256-bit random secret; stored only as its SHA-256. Issuing
 * (command side) and recognising a presented token (sign-in) must agree on it, so it is published here.
 */
public final class ApiTokenFormat {

    public static final String PREFIX = "owz_";
    public static final int SHOWN_PREFIX_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenFormat() {}

    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }

    public static String shownPrefix(String token) {
        return token.substring(0, Math.min(SHOWN_PREFIX_LENGTH, token.length()));
    }

    public static boolean looksLikeToken(String value) {
        return value.startsWith(PREFIX) && value.length() == PREFIX.length() + 43;
    }
}
