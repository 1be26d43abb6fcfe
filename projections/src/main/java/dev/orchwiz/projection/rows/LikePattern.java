package dev.orchwiz.projection.rows;

import java.util.Locale;

/** A user's search text as a {@code like} pattern on lower-cased columns, with its own wildcards matched literally. */
public final class LikePattern {

    private LikePattern() {}

    /** Matches a lower-cased value that contains the trimmed, lower-cased {@code text}. */
    public static String contains(String text) {
        return "%" + escape(text.trim().toLowerCase(Locale.ROOT)) + "%";
    }

    /** The pattern for what was typed into a search box, or null when nothing was (a filter left out). */
    public static String search(String text) {
        return text == null || text.isBlank() ? null : contains(text);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
