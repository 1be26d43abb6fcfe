package dev.orchwiz.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The GitHub OAuth app this node connects accounts with, and where GitHub lives (a GitHub Enterprise host, or a
 * test double). Connecting is off while {@code clientId} is empty.
 */
@ConfigurationProperties("orchwiz.github")
public record GitHubProperties(
        String clientId, String clientSecret, String webUrl, String apiUrl, String encryptionKey) {

    public GitHubProperties {
        webUrl = webUrl == null || webUrl.isBlank() ? "https://github.com" : strip(webUrl);
        apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.github.com" : strip(apiUrl);
    }

    boolean enabled() {
        return clientId != null && !clientId.isBlank();
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
