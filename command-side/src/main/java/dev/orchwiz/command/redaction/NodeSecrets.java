package dev.orchwiz.command.redaction;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.core.env.Environment;

/**
 * The values of the node's own secrets, by the environment variable each is usually set by, for
 * {@link OutputRedaction}. The environment alone misses a secret set another way Spring reads configuration (a
 * property, {@code SPRING_APPLICATION_JSON}, a config file): an OpenClaw gateway token set as
 * {@code orchwiz.runtime.openclaw.token} then reached a run's recorded answer when the gateway's agent printed it.
 */
public final class NodeSecrets {

    /** Each secret's environment variable and the property the node reads it from. */
    private static final Map<String, String> PROPERTIES = Map.of(
            "OPENCLAW_GATEWAY_TOKEN", "orchwiz.runtime.openclaw.token",
            "OPENAI_API_KEY", "orchwiz.runtime.openai.api-key",
            "LANGFUSE_SECRET_KEY", "orchwiz.observability.langfuse.secret-key",
            "GITHUB_CLIENT_SECRET", "orchwiz.github.client-secret",
            "ORCHWIZ_ENCRYPTION_KEY", "orchwiz.encryption-key",
            "SPRING_DATASOURCE_PASSWORD", "spring.datasource.password");

    private NodeSecrets() {}

    /** The process environment, with each secret the configuration resolves to added under its variable's name. */
    public static Map<String, String> of(Environment configuration) {
        return of(System.getenv(), configuration::getProperty);
    }

    static Map<String, String> of(Map<String, String> environment, UnaryOperator<String> property) {
        Map<String, String> secrets = new HashMap<>(environment);
        PROPERTIES.forEach((variable, key) -> {
            String configured = property.apply(key);
            if (configured != null && !configured.isBlank()) {
                // The value the node uses; when it was resolved from the variable, the two are the same.
                secrets.put(variable, configured);
            }
        });
        return Map.copyOf(secrets);
    }
}
