package dev.orchwiz.command.run;

import dev.orchwiz.command.redaction.OutputRedaction;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what must not be stored, streamed or exported from a run: everything tool output already loses (node secrets,
 * tokens, provider keys, private keys), and in conversation text also e-mail addresses, card numbers (those that pass
 * the Luhn check, so order numbers stay) and the node's own patterns. Runs apply it before any event is written.
 */
final class RunRedaction {

    static final String MASK = "[REDACTED]";

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])");

    private final OutputRedaction secrets;
    private final List<Pattern> custom;

    RunRedaction(Map<String, String> nodeEnvironment, List<String> customPatterns) {
        this.secrets = new OutputRedaction(nodeEnvironment);
        this.custom = customPatterns.stream().map(Pattern::compile).toList();
    }

    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = secrets.redact(text);
        result = EMAIL.matcher(result).replaceAll(MASK);
        result = maskCards(result);
        for (Pattern pattern : custom) {
            result = pattern.matcher(result).replaceAll(MASK);
        }
        return result;
    }

    /** A copy of a tool's arguments with every string in it redacted (keys are the tool's names and stay). */
    Map<String, Object> redactValues(Map<String, Object> input) {
        Map<String, Object> secretsMasked = secrets.redactValues(input);
        if (secretsMasked == null) {
            return null;
        }
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        secretsMasked.forEach((key, value) -> result.put(key, value instanceof String text ? redact(text) : value));
        return result;
    }

    private static String maskCards(String text) {
        Matcher matcher = CARD.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(luhn(digits) ? MASK : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
