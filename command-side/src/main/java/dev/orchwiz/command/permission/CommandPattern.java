package dev.orchwiz.command.permission;

/**
 * A Claude Code command pattern, used for Bash commands and for every other specifier that is matched as text.
 *
 * <ul>
 *   <li>{@code *} matches any run of characters, spaces and slashes included, anywhere in the pattern ({@code npm *},
 *       {@code * install}, {@code git * main}). There is no escape for a literal star: Claude Code has none either.
 *   <li>A trailing {@code " *"} (space, star) is a word boundary: {@code ls *} matches {@code ls} and {@code ls -la}
 *       but not {@code lsof}. Without this, a rule for a command would never match that command without arguments.
 *   <li>The legacy trailing {@code :*} means the same word-boundary prefix: {@code npm run test:*} matches {@code npm
 *       run test} and {@code npm run test -- --watch} but not {@code npm run testing}.
 *   <li>Without a wildcard the whole text must be equal.
 * </ul>
 *
 * <p>Runs of unquoted whitespace count as one space on both sides, so that {@code ls  -la} cannot dodge a rule for
 * {@code ls -la}. Matching is a backtracking two-pointer scan, linear in practice and free of regular expressions, so
 * that a user-written pattern cannot make evaluation slow.
 */
final class CommandPattern {

    private static final String WORD_BOUNDARY_SUFFIX = " *";
    private static final String LEGACY_PREFIX_SUFFIX = ":*";

    private final String pattern;
    /** The part before a trailing {@code " *"} or {@code ":*"}, or {@code null} when the pattern has neither. */
    private final String wordPrefix;

    private CommandPattern(String pattern, String wordPrefix) {
        this.pattern = pattern;
        this.wordPrefix = wordPrefix;
    }

    static CommandPattern of(String specifier) {
        String pattern = normaliseWhitespace(specifier);
        if (pattern.endsWith(LEGACY_PREFIX_SUFFIX)) {
            String prefix = pattern.substring(0, pattern.length() - LEGACY_PREFIX_SUFFIX.length())
                    .strip();
            return new CommandPattern(prefix + WORD_BOUNDARY_SUFFIX, prefix);
        }
        if (pattern.endsWith(WORD_BOUNDARY_SUFFIX)) {
            return new CommandPattern(pattern, pattern.substring(0, pattern.length() - WORD_BOUNDARY_SUFFIX.length()));
        }
        return new CommandPattern(pattern, null);
    }

    boolean hasWildcard() {
        return pattern.indexOf('*') >= 0;
    }

    /** The pattern with its whitespace normalised; for a legacy {@code :*} pattern the equivalent {@code " *"} form. */
    String pattern() {
        return pattern;
    }

    /** Whether the text (already whitespace-normalised, see {@link #normaliseWhitespace}) matches. */
    boolean matches(String text) {
        if (text == null) {
            return false;
        }
        if (wordPrefix != null && glob(wordPrefix, text)) {
            return true;
        }
        return glob(pattern, text);
    }

    /** {@code *} matches any run of characters; every other character stands for itself. */
    static boolean glob(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /**
     * Trims and collapses every run of unquoted spaces and tabs into one space. Quoted text keeps its spaces, since
     * {@code echo "a  b"} and {@code echo "a b"} print different things.
     */
    static String normaliseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && (c == ' ' || c == '\t')) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\' && i + 1 < text.length()) {
                out.append(text.charAt(++i));
            }
        }
        return out.toString();
    }
}
