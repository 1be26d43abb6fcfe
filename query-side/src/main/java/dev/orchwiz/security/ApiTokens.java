package dev.orchwiz.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** API token format: {@code owz_} and 43 characters of a 256-bit random secret; stored only as its SHA-256. */
final class ApiTokens {

    static final String PREFIX = "owz_";
    static final int SHOWN_PREFIX_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {}

    static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }

    static String shownPrefix(String token) {
        return token.substring(0, Math.min(SHOWN_PREFIX_LENGTH, token.length()));
    }

    static boolean looksLikeToken(String value) {
        return value.startsWith(PREFIX) && value.length() == PREFIX.length() + 43;
    }
}
