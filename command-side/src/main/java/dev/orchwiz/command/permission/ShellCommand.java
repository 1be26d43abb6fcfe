package dev.orchwiz.command.permission;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A Bash command line taken apart the way a permission check needs it: the simple commands it runs, and whether it
 * runs anything the text does not show.
 *
 * <p>This is deliberately not a full shell parser. It knows quotes (including {@code $'…'}), backslash escapes,
 * comments, the control operators ({@code &&}, {@code ||}, {@code ;}, {@code |}, {@code |&}, {@code &}, newlines),
 * subshells and command substitutions, output redirections, and the reserved words that can precede a command. Where
 * it guesses, it errs on the side that makes allow rules match less and deny rules match more: text it cannot place
 * becomes an extra simple command, which an allow rule must also cover and a deny rule may catch (a heredoc body, for
 * example, is read as commands).
 *
 * <p>Commands inside {@code $(…)}, backticks, {@code <(…)} and {@code >(…)} are listed as simple commands too, so a
 * deny rule sees {@code rm -rf /} in {@code echo $(rm -rf /)}; {@link #hasSubstitution()} tells an allow rule to stay
 * away.
 *
 * <p>Rules match text, not programs: {@code /bin/rm}, an alias, {@code bash -c '…'} or {@code xargs rm} are different
 * texts from {@code rm}. A deny list is a guard rail, not a sandbox; what keeps unlisted commands in check is that
 * nothing matched asks.
 */
final class ShellCommand {

    /** Words that may stand before a command without being the command ({@code if rm …}, {@code ! rm …}). */
    private static final Set<String> LEADING_RESERVED_WORDS =
            Set.of("!", "{", "}", "if", "then", "else", "elif", "do", "while", "until", "time", "fi", "done", "esac");

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    private final String whole;
    private final List<String> simpleCommands;
    private final boolean substitution;
    private final boolean complete;

    private ShellCommand(String whole, List<String> simpleCommands, boolean substitution, boolean complete) {
        this.whole = whole;
        this.simpleCommands = List.copyOf(simpleCommands);
        this.substitution = substitution;
        this.complete = complete;
    }

    static ShellCommand parse(String commandLine) {
        return new Scanner(commandLine).scan();
    }

    /** The whole command line, trimmed and with whitespace normalised; nothing is split or stripped. */
    String whole() {
        return whole;
    }

    /**
     * Every simple command in the order it ends (so a nested one comes before the command around it), with output
     * redirections and leading reserved words removed and whitespace normalised. Empty for an empty command line.
     */
    List<String> simpleCommands() {
        return simpleCommands;
    }

    /** Whether the line runs a command substitution or process substitution, whose output becomes part of the text. */
    boolean hasSubstitution() {
        return substitution;
    }

    /**
     * Whether every quote and bracket the line opens is closed. Bash refuses the rest of an incomplete line, but the
     * lines before it may already have run, and where this scanner and Bash disagree about quoting, an incomplete
     * line is the usual symptom; allow rules therefore do not match such a line.
     */
    boolean isComplete() {
        return complete;
    }

    /**
     * The simple command without leading {@code NAME=value} assignments, for deny and ask rules: {@code FOO=1 rm -rf /}
     * runs {@code rm}. Allow rules keep the assignments, because {@code PATH=. ls} or {@code LD_PRELOAD=… ls} is not
     * the {@code ls} the rule allowed.
     */
    static String withoutAssignments(String simpleCommand) {
        return withoutLeadingWords(
                simpleCommand, word -> ASSIGNMENT.matcher(word).matches(), false);
    }

    private static String withoutReservedWords(String simpleCommand) {
        return withoutLeadingWords(simpleCommand, LEADING_RESERVED_WORDS::contains, true);
    }

    /**
     * Drops leading words while they pass the test; the last word is dropped only if {@code mayDropAll}. Works on
     * indexes so that a line of ten thousand {@code !} costs linear time, not quadratic.
     */
    private static String withoutLeadingWords(String text, Predicate<String> drop, boolean mayDropAll) {
        int start = 0;
        while (start < text.length()) {
            int end = wordEnd(text, start);
            boolean last = end >= text.length();
            if ((last && !mayDropAll) || !drop.test(text.substring(start, end))) {
                break;
            }
            start = last ? text.length() : end + 1;
        }
        return text.substring(start);
    }

    /** Index of the first unquoted space from {@code start} in whitespace-normalised text, or its length. */
    private static int wordEnd(String text, int start) {
        char quote = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                i++;
            } else if (c == ' ') {
                return i;
            }
        }
        return text.length();
    }

    /** One pass over the text with a stack of nesting levels; it never throws, whatever the input. */
    private static final class Scanner {

        /** The quote state of {@code $'…'}, where, unlike in plain single quotes, a backslash escapes a quote. */
        private static final char ANSI_C_QUOTE = '$';

        private enum Nesting {
            TOP,
            /** {@code $(…)}, {@code <(…)}, {@code >(…)}: the outer command goes on around it. */
            SUBSTITUTION,
            /** {@code (…)}: a subshell, a command list of its own. */
            SUBSHELL,
            BACKTICK
        }

        /** One nesting level: the simple command being collected, its quoting, and a pending output redirection. */
        private static final class Level {
            final Nesting nesting;
            final StringBuilder text = new StringBuilder();
            char quote;
            int wordStart = -1;
            int redirectionStart = -1;
            boolean redirectionTargetStarted;

            Level(Nesting nesting) {
                this.nesting = nesting;
            }
        }

        private final String source;
        private final Deque<Level> levels = new ArrayDeque<>();
        private final List<String> commands = new ArrayList<>();
        private boolean substitution;
        private int i;

        Scanner(String source) {
            this.source = source == null ? "" : source;
        }

        ShellCommand scan() {
            levels.push(new Level(Nesting.TOP));
            while (i < source.length()) {
                Level level = levels.peek();
                char c = source.charAt(i);
                if (level.quote == '\'') {
                    inSingleQuotes(level, c);
                } else if (level.quote == ANSI_C_QUOTE) {
                    inAnsiCQuotes(level, c);
                } else if (level.quote == '"') {
                    inDoubleQuotes(level, c);
                } else {
                    unquoted(level, c);
                }
            }
            boolean complete = levels.size() == 1 && levels.peek().quote == 0;
            while (!levels.isEmpty()) {
                endCommand(levels.pop());
            }
            return new ShellCommand(
                    CommandPattern.normaliseWhitespace(source.strip()), commands, substitution, complete);
        }

        private void inSingleQuotes(Level level, char c) {
            level.text.append(c);
            if (c == '\'') {
                level.quote = 0;
            }
            i++;
        }

        private void inAnsiCQuotes(Level level, char c) {
            if (c == '\\' && i + 1 < source.length()) {
                level.text.append(c).append(source.charAt(i + 1));
                i += 2;
                return;
            }
            level.text.append(c);
            if (c == '\'') {
                level.quote = 0;
            }
            i++;
        }

        private void inDoubleQuotes(Level level, char c) {
            if (c == '\\' && i + 1 < source.length()) {
                level.text.append(c).append(source.charAt(i + 1));
                i += 2;
            } else if (c == '$' && next() == '(') {
                openSubstitution(level, "$(");
            } else if (c == '`') {
                openBacktick(level);
            } else {
                level.text.append(c);
                if (c == '"') {
                    level.quote = 0;
                }
                i++;
            }
        }

        private void unquoted(Level level, char c) {
            switch (c) {
                case '\\' -> {
                    if (next() == '\n') {
                        i += 2; // a line continuation joins two lines into one command
                    } else {
                        wordChar(level, c);
                        i++;
                        if (i < source.length()) {
                            level.text.append(source.charAt(i++));
                        }
                    }
                }
                case '\'', '"' -> {
                    wordChar(level, c);
                    level.quote = c;
                    i++;
                }
                case '`' -> {
                    if (level.nesting == Nesting.BACKTICK) {
                        closeLevel();
                        i++;
                    } else {
                        openBacktick(level);
                    }
                }
                case '$' -> {
                    if (next() == '(') {
                        openSubstitution(level, "$(");
                    } else if (next() == '\'') {
                        wordChar(level, c);
                        level.text.append('\'');
                        level.quote = ANSI_C_QUOTE;
                        i += 2;
                    } else {
                        wordChar(level, c);
                        i++;
                    }
                }
                case '(' -> {
                    endCommand(level);
                    levels.push(new Level(Nesting.SUBSHELL));
                    i++;
                }
                case ')' -> {
                    if (level.nesting == Nesting.SUBSTITUTION || level.nesting == Nesting.SUBSHELL) {
                        closeLevel();
                    } else {
                        endCommand(level); // a stray ')' (a case pattern, say) still separates commands
                    }
                    i++;
                }
                case '#' -> {
                    if (level.wordStart < 0) {
                        // A comment runs to the end of the line; the newline still ends the command.
                        int newline = source.indexOf('\n', i);
                        i = newline < 0 ? source.length() : newline;
                    } else {
                        wordChar(level, c);
                        i++;
                    }
                }
                case ' ', '\t', '\r' -> {
                    endWord(level);
                    i++;
                }
                case '\n', ';' -> {
                    endCommand(level);
                    i++;
                }
                case '|' -> {
                    endCommand(level);
                    i += next() == '|' || next() == '&' ? 2 : 1;
                }
                case '&' -> {
                    if (next() == '>') {
                        i += source.startsWith("&>>", i) ? 3 : 2;
                        startRedirection(level);
                    } else {
                        endCommand(level);
                        i += next() == '&' ? 2 : 1;
                    }
                }
                case '>' -> {
                    if (next() == '(') {
                        openSubstitution(level, ">(");
                    } else {
                        dropFileDescriptorWord(level);
                        i++;
                        if (i < source.length() && ">|&".indexOf(source.charAt(i)) >= 0) {
                            i++;
                        }
                        startRedirection(level);
                    }
                }
                case '<' -> {
                    if (next() == '(') {
                        openSubstitution(level, "<(");
                    } else {
                        // Input redirections stay in the text: reading a file is part of what the command does.
                        wordChar(level, c);
                        i++;
                    }
                }
                default -> {
                    wordChar(level, c);
                    i++;
                }
            }
        }

        private char next() {
            return i + 1 < source.length() ? source.charAt(i + 1) : 0;
        }

        private void openSubstitution(Level level, String opener) {
            substitution = true;
            wordChar(level, opener.charAt(0));
            level.text.append(opener.charAt(1));
            levels.push(new Level(Nesting.SUBSTITUTION));
            i += 2;
        }

        private void openBacktick(Level level) {
            substitution = true;
            wordChar(level, '`');
            levels.push(new Level(Nesting.BACKTICK));
            i++;
        }

        /** Ends a nested level; the text around a substitution goes on, closed the way it was opened. */
        private void closeLevel() {
            Level closed = levels.pop();
            endCommand(closed);
            Level outer = levels.peek();
            if (closed.nesting == Nesting.SUBSTITUTION) {
                outer.text.append(')');
            } else if (closed.nesting == Nesting.BACKTICK) {
                outer.text.append('`');
            }
        }

        private void wordChar(Level level, char c) {
            if (level.wordStart < 0) {
                if (level.text.length() > 0 && level.text.charAt(level.text.length() - 1) != ' ') {
                    level.text.append(' ');
                }
                level.wordStart = level.text.length();
                if (level.redirectionStart >= 0) {
                    level.redirectionTargetStarted = true;
                }
            }
            level.text.append(c);
        }

        private void endWord(Level level) {
            level.wordStart = -1;
            if (level.redirectionStart >= 0 && level.redirectionTargetStarted) {
                dropRedirection(level);
            }
        }

        /** In {@code 2>&1} the {@code 2} belongs to the redirection, not to the command. */
        private void dropFileDescriptorWord(Level level) {
            if (level.wordStart >= 0) {
                String word = level.text.substring(level.wordStart);
                if (!word.isEmpty() && word.chars().allMatch(Character::isDigit)) {
                    level.text.setLength(level.wordStart);
                }
            }
            endWord(level);
        }

        /** Output redirections are tolerated (as in Claude Code): the operator and its target word are dropped. */
        private void startRedirection(Level level) {
            endWord(level);
            if (level.redirectionStart < 0) {
                level.redirectionStart = level.text.length();
                level.redirectionTargetStarted = false;
            }
        }

        private void dropRedirection(Level level) {
            level.text.setLength(level.redirectionStart);
            level.redirectionStart = -1;
            level.redirectionTargetStarted = false;
        }

        private void endCommand(Level level) {
            endWord(level);
            if (level.redirectionStart >= 0) {
                dropRedirection(level);
            }
            String command = withoutReservedWords(level.text.toString().strip());
            if (!command.isEmpty()) {
                commands.add(command);
            }
            level.text.setLength(0);
            level.quote = 0;
        }
    }
}
