package dev.orchwiz.command.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in run output and in tool-call input before they become events (events are kept forever, streamed and
 * forwarded). It knows the node's own secret values, which a script must never see but could still print if it found
 * them elsewhere, and common credential shapes: OrchWiz tokens, webhook secrets, bearer tokens, cloud keys, private
 * keys, key=value pairs.
 */
public final class OutputRedaction {

    public static final String MASK = "[REDACTED]";

    /** Package-private for the test that holds the pre-check below to the same results as these alone. */
    static final List<Pattern> SHAPES = List.of(
            Pattern.compile("owz_[A-Za-z0-9_-]{16,}"),
            Pattern.compile("whsec_[A-Za-z0-9+/=]{16,}"),
            Pattern.compile("gh[pousr]_[A-Za-z0-9]{20,}"),
            Pattern.compile("AKIA[0-9A-Z]{16}"),
            // Model providers' keys: OpenAI and Anthropic (sk-, sk-proj-, sk-ant-), Langfuse (pk-lf-, sk-lf-).
            Pattern.compile("\\b(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}|[ps]k-lf-[A-Za-z0-9-]{8,})"),
            Pattern.compile("(?i)(?<=bearer )[A-Za-z0-9._~+/-]{8,}=*"),
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
            Pattern.compile(
                    "(?i)(?<=(?:password|passwd|secret|api[_-]?key|access[_-]?token)[\"']?\\s{0,3}[=:]\\s{0,3}[\"']?)[^\\s\"',;]{4,}"));

    /**
     * A text none of whose {@link #SHAPES} can match: every shape needs one of these fragments (same case rules), so
     * when one scan finds none of them the eight scans are skipped with the same result. Most text (ids, states,
     * titles, ordinary output) has none, and forwarding masks every string of every event it sends.
     */
    private static final Pattern ANY_SHAPE = Pattern.compile("owz_|whsec_|gh[pousr]_|AKIA|[ps]k-|-----BEGIN "
            + "|(?i:bearer |passw(?:or)?d|secret|api[_-]?key|access[_-]?token)");

    private static final List<String> SECRET_VARIABLES = List.of(
            "ORCHWIZ_ENCRYPTION_KEY",
            "GITHUB_CLIENT_SECRET",
            "DATABASE_URL",
            "SPRING_DATASOURCE_PASSWORD",
            "PGPASSWORD",
            "OPENAI_API_KEY",
            "OPENCLAW_GATEWAY_TOKEN",
            "LANGFUSE_SECRET_KEY");

    private final List<String> knownValues;

    public OutputRedaction(Map<String, String> nodeEnvironment) {
        List<String> values = new ArrayList<>();
        for (String name : SECRET_VARIABLES) {
            String value = nodeEnvironment.get(name);
            if (value != null && value.length() >= 6) {
                values.add(value);
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        values.sort(Comparator.comparingInt(String::length).reversed());
        this.knownValues = List.copyOf(values);
    }

    /**
     * A copy of a tool call's input with every string in it (at any depth, in maps and lists) redacted by the same
     * rules as output. Keys are names the tool defines, not values, and stay as they are.
     */
    public Map<String, Object> redactValues(Map<String, Object> input) {
        if (input == null) {
            return null;
        }
        Map<String, Object> redacted = new LinkedHashMap<>();
        input.forEach((key, value) -> redacted.put(key, redactValue(value)));
        return redacted;
    }

    private Object redactValue(Object value) {
        if (value instanceof String text) {
            return redact(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> redacted = new LinkedHashMap<>();
            map.forEach((key, inner) -> redacted.put(key, redactValue(inner)));
            return redacted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::redactValue).collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
        }
        return value;
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String value : knownValues) {
            result = result.replace(value, MASK);
        }
        if (!ANY_SHAPE.matcher(result).find()) {
            return result;
        }
        for (Pattern shape : SHAPES) {
            Matcher matcher = shape.matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(MASK);
            }
        }
        return result;
    }
}
