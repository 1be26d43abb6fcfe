package dev.orchwiz.command.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
     * Fragments one of which every {@link #SHAPES} match contains, as written. With {@link #ANY_CASE} they decide
     * when the eight scans can be skipped with the same result: most text (ids, states, titles, ordinary output) has
     * none, and forwarding masks every string of every event it sends.
     */
    private static final List<String> EXACT_CASE =
            List.of("owz_", "whsec_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "AKIA", "sk-", "pk-", "-----BEGIN ");

    /**
     * Fragments the case-insensitive shapes need, lower case. Those shapes ignore ASCII case only, and lower-casing
     * maps every ASCII variant of a fragment onto it, so looking in the lower-cased text misses none of them.
     */
    private static final List<String> ANY_CASE = List.of(
            "bearer ",
            "passwd",
            "password",
            "secret",
            "apikey",
            "api_key",
            "api-key",
            "accesstoken",
            "access_token",
            "access-token");

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
        if (!mayHoldAShape(result)) {
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

    /**
     * Whether any shape could match: a dozen literal searches, which the JVM runs as vector instructions, instead of
     * one regular expression trying a dozen alternatives at every character (a fifth of a forwarded event's cost).
     */
    static boolean mayHoldAShape(String text) {
        for (String fragment : EXACT_CASE) {
            if (text.contains(fragment)) {
                return true;
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String fragment : ANY_CASE) {
            if (lower.contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
