package dev.orchwiz.command.run.runtime.openclaw;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the OpenClaw gateway is and how to sign in to it. {@code agent} is the gateway agent a call runs on when the
 * prompt names no model; {@code clientId} and {@code clientMode} must be values the gateway's protocol schema accepts
 * ({@code gateway-client} / {@code backend} is its token-authenticated automation client).
 */
@ConfigurationProperties("orchwiz.runtime.openclaw")
public record OpenClawProperties(
        URI url,
        String token,
        Boolean enabled,
        String agent,
        Duration connectTimeout,
        Duration requestTimeout,
        String clientId,
        String clientMode) {

    static final URI DEFAULT_URL = URI.create("ws://127.0.0.1:18789");

    public OpenClawProperties {
        url = url == null || url.toString().isBlank() ? DEFAULT_URL : url;
        token = token == null || token.isBlank() ? null : token;
        agent = agent == null || agent.isBlank() ? "main" : agent;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofMinutes(10) : requestTimeout;
        clientId = clientId == null || clientId.isBlank() ? "gateway-client" : clientId;
        clientMode = clientMode == null || clientMode.isBlank() ? "backend" : clientMode;
    }

    /** A token set, or the operator's explicit {@code enabled: true} (a gateway in auth mode {@code none}). */
    boolean configured() {
        return enabled != null ? enabled : token != null;
    }

    /** The gateway's address without user info, query or fragment, safe to put in a failure reason or a log. */
    String safeUrl() {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + port + path;
    }

    /** Never prints the token: a record's generated toString would, into any log that prints the configuration. */
    @Override
    public String toString() {
        return "OpenClawProperties[url=" + safeUrl() + ", token=" + (token == null ? "unset" : "***") + ", enabled="
                + enabled + ", agent=" + agent + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", clientId=" + clientId + ", clientMode=" + clientMode + "]";
    }
}
