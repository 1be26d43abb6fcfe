package dev.orchwiz.api.text;

import java.util.Locale;
import java.util.Optional;

/**
 * The characters no text from outside may carry: NUL and the other C0 and C1 control characters (PostgreSQL cannot
 * store NUL at all, and the others hide text in terminals and logs), and unpaired UTF-16 surrogates (not characters;
 * they would be stored as {@code ?}). Tab, line feed and carriage return are allowed in multi-line text only.
 */
public final class TextRules {

    private TextRules() {}

    /** Why {@code text} is refused, or empty when it is acceptable. */
    public static Optional<String> problem(CharSequence text, boolean multiLine) {
        return scan(text, multiLine, true);
    }

    /**
     * Why {@code text} cannot be stored at all (a NUL, an unpaired surrogate), or empty: the rule for text that is
     * another system's record, such as a forwarded event's payload, whose other control characters are kept.
     */
    public static Optional<String> storageProblem(CharSequence text) {
        return scan(text, true, false);
    }

    private static Optional<String> scan(CharSequence text, boolean multiLine, boolean controls) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains an unpaired surrogate " + codePoint(c) + " at position " + i);
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate " + codePoint(c) + " at position " + i);
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                if (!multiLine) {
                    return Optional.of("must be a single line (found " + name(c) + " at position " + i + ")");
                }
                continue;
            }
            if (c == 0 || (controls && (c < 0x20 || (c >= 0x7f && c <= 0x9f)))) {
                return Optional.of("contains the control character " + codePoint(c) + (c == 0 ? " (NUL)" : "")
                        + " at position " + i);
            }
        }
        return Optional.empty();
    }

    private static String name(char c) {
        return switch (c) {
            case '\t' -> "a tab";
            case '\n' -> "a line feed";
            default -> "a carriage return";
        };
    }

    private static String codePoint(char c) {
        return "U+" + String.format(Locale.ROOT, "%04X", (int) c);
    }
}
