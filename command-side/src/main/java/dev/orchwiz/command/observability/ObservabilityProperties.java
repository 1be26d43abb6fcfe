package dev.orchwiz.command.observability;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where run traces go and how this node names itself in them. Langfuse is on only when both keys are set; the host
 * defaults to Langfuse Cloud (EU), as Langfuse's own SDKs do.
 */
@ConfigurationProperties("orchwiz.observability")
public record ObservabilityProperties(String node, Langfuse langfuse) {

    static final String DEFAULT_HOST = "https://cloud.langfuse.com";

    public ObservabilityProperties {
        if (node == null || node.isBlank()) {
            node = hostName();
        }
        if (langfuse == null) {
            langfuse = new Langfuse(null, null, null, null, null, null);
        }
    }

    /**
     * The Langfuse project's keys and how patiently a batch is delivered: {@code maxAttempts} tries, waiting
     * {@code initialBackoff}, then twice as long each time (at most 30 s), each try limited to {@code timeout}.
     */
    public record Langfuse(
            String host,
            String publicKey,
            String secretKey,
            Integer maxAttempts,
            Duration initialBackoff,
            Duration timeout) {

        public Langfuse {
            if (host == null || host.isBlank()) {
                host = DEFAULT_HOST;
            }
            if (maxAttempts == null || maxAttempts < 1) {
                maxAttempts = 4;
            }
            if (initialBackoff == null) {
                initialBackoff = Duration.ofMillis(500);
            }
            if (timeout == null) {
                timeout = Duration.ofSeconds(10);
            }
        }

        public boolean configured() {
            return publicKey != null && !publicKey.isBlank() && secretKey != null && !secretKey.isBlank();
        }

        /** Never the secret key: a record's own toString would print it wherever the settings are logged. */
        @Override
        public String toString() {
            return "Langfuse[host=" + host + ", publicKey=" + publicKey + ", secretKey="
                    + (secretKey == null || secretKey.isBlank() ? "<none>" : "<set>") + ", maxAttempts="
                    + maxAttempts + ", initialBackoff=" + initialBackoff + ", timeout=" + timeout + "]";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "orchwiz";
        }
    }
}
