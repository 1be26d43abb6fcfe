package dev.orchwiz.command.hook;

import dev.orchwiz.command.hook.delivery.WebhookTargetPolicy;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where webhooks may go, and how patiently. Retries wait 5 s, 20 s, 80 s, 320 s by default. Any public host by default; private, loopback and link-local addresses only when allowed,
 * because a webhook URL is user input and would otherwise reach the node's own network (SSRF).
 */
@ConfigurationProperties("orchwiz.hooks")
public record HookProperties(
        List<String> allowedHosts,
        boolean allowPrivateNetworks,
        boolean allowPlainHttp,
        java.time.Duration retryInitialDelay,
        Integer maxAttempts) {

    public HookProperties {
        if (allowedHosts == null || allowedHosts.isEmpty()) {
            allowedHosts = List.of("*");
        }
        if (retryInitialDelay == null) {
            retryInitialDelay = java.time.Duration.ofSeconds(5);
        }
        if (maxAttempts == null) {
            maxAttempts = 5;
        }
    }

    /** The one set of target rules, applied when a hook URL is saved and again at every delivery. */
    public WebhookTargetPolicy targetPolicy() {
        return new WebhookTargetPolicy(allowedHosts, allowPrivateNetworks, allowPlainHttp);
    }
}
