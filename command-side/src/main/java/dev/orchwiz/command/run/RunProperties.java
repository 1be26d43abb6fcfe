package dev.orchwiz.command.run;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this node runs agents.
 *
 * @param defaultRuntime {@code ORCHWIZ_RUNTIME}: the runtime a session without one uses; unset means the first
 *     configured model runtime (OpenClaw, then OpenAI-compatible), and none when neither is configured: the deterministic
 *     {@code local} runtime is only used when chosen, so that nobody mistakes it for a model
 * @param fallback {@code ORCHWIZ_RUNTIME_FALLBACK}: runtimes tried in order after the chosen one fails before answering
 * @param maxSteps model calls one run may make before it fails with {@code STEP_LIMIT}
 * @param tokenBudget input plus output tokens one run may use before it fails with {@code TOKEN_BUDGET}
 * @param modelTimeout how long one model call may take
 * @param sampleRate share of traces (0 to 1) that keep full inputs and outputs; a session's metadata
 *     {@code traceSampleRate} overrides it
 * @param prices USD per million tokens by model name; a model not listed costs nothing and is flagged in its span
 * @param redactPatterns further regular expressions whose matches are masked in run content
 * @param node {@code ORCHWIZ_NODE_NAME}: this node's name among nodes sharing a database (default: the host name), so
 *     that a node restarting fails only the runs it was driving
 */
@ConfigurationProperties("orchwiz.runs")
public record RunProperties(
        String defaultRuntime,
        List<String> fallback,
        Integer maxSteps,
        Long tokenBudget,
        Duration modelTimeout,
        Double sampleRate,
        Map<String, Price> prices,
        List<String> redactPatterns,
        String node) {

    /** What a model costs, in USD per million input and output tokens. */
    public record Price(BigDecimal input, BigDecimal output) {}

    public RunProperties {
        defaultRuntime = defaultRuntime == null || defaultRuntime.isBlank() ? null : defaultRuntime.trim();
        fallback = fallback == null
                ? List.of()
                : fallback.stream()
                        .filter(name -> !name.isBlank())
                        .map(String::trim)
                        .toList();
        maxSteps = maxSteps == null || maxSteps < 1 ? 20 : maxSteps;
        tokenBudget = tokenBudget == null || tokenBudget < 1 ? 200_000L : tokenBudget;
        modelTimeout = modelTimeout == null ? Duration.ofMinutes(2) : modelTimeout;
        sampleRate = sampleRate == null ? 1.0 : Math.max(0, Math.min(1, sampleRate));
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        redactPatterns = redactPatterns == null
                ? List.of()
                : redactPatterns.stream().filter(p -> !p.isBlank()).toList();
        node = node == null || node.isBlank() ? hostName() : node.trim();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException unknown) {
            return "local";
        }
    }
}
