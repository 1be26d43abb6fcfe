package dev.orchwiz.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the node presents itself to browsers. Passkeys are bound to {@code rpId} (a domain) and accepted only from
 * {@code origins}; sign-in links point at {@code publicUrl}. Behind a reverse proxy on a real domain set all three to
 * that domain (see docs/reverse-proxy.md). A sign-in with "keep me signed in" lasts {@code rememberMe}.
 */
@ConfigurationProperties("orchwiz.security")
public record SecurityProperties(
        String rpId,
        String rpName,
        List<String> origins,
        String publicUrl,
        List<String> adminEmails,
        String mailFrom,
        Duration rememberMe) {

    public SecurityProperties {
        rpId = rpId == null || rpId.isBlank() ? "localhost" : rpId.trim();
        rpName = rpName == null || rpName.isBlank() ? "OrchWiz" : rpName.trim();
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : stripSlash(publicUrl.trim());
        origins = origins == null || origins.isEmpty()
                ? List.of(publicUrl)
                : origins.stream()
                        .map(String::trim)
                        .filter(origin -> !origin.isEmpty())
                        .map(SecurityProperties::stripSlash)
                        .toList();
        adminEmails = adminEmails == null
                ? List.of()
                : adminEmails.stream()
                        .map(email -> email.trim().toLowerCase(java.util.Locale.ROOT))
                        .filter(email -> !email.isEmpty())
                        .toList();
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "OrchWiz <no-reply@" + host(publicUrl) + ">" : mailFrom;
        rememberMe =
                rememberMe == null || rememberMe.isNegative() || rememberMe.isZero() ? DEFAULT_REMEMBER_ME : rememberMe;
    }

    static final Duration DEFAULT_REMEMBER_ME = Duration.ofDays(30);

    Set<String> originSet() {
        return origins.stream().collect(Collectors.toUnmodifiableSet());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String host(String url) {
        String host = URI.create(url).getHost();
        return host == null ? "localhost" : host;
    }
}
