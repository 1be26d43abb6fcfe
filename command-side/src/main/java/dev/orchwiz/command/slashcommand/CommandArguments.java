package dev.orchwiz.command.slashcommand;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a run's arguments into a command script the way Claude Code names them ({@code $ARGUMENTS},
 * {@code $ARGUMENTS[0]}, {@code $1}…), but shell-quoted: the script runs in a shell, so raw substitution would let an
 * argument like {@code ; rm -rf ~} become a second command.
 */
final class CommandArguments {

    static final int LIMIT = 8 * 1024;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$ARGUMENTS\\[(\\d+)]|\\$ARGUMENTS|\\$(\\d+)");

    private CommandArguments() {}

    static String substitute(String script, String arguments) {
        String whole = arguments == null ? "" : arguments.strip();
        List<String> words = words(whole);
        Matcher matcher = PLACEHOLDER.matcher(script);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) != null) {
                replacement = quote(word(words, Integer.parseInt(matcher.group(1))));
            } else if (matcher.group(2) != null) {
                replacement = quote(word(words, Integer.parseInt(matcher.group(2)) - 1));
            } else {
                replacement = quote(whole);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** Splits like a shell would for plain words and quotes: {@code a "b c" 'd'} is three words. */
    static List<String> words(String arguments) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < arguments.length(); i++) {
            char c = arguments.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(current.toString());
        }
        return words;
    }

    private static String word(List<String> words, int index) {
        return index >= 0 && index < words.size() ? words.get(index) : "";
    }

    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
