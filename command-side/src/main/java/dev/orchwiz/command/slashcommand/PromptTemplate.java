package dev.orchwiz.command.slashcommand;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt command's text with a run's arguments put in, the way Claude Code does it: {@code $ARGUMENTS} is the whole
 * argument string, {@code $ARGUMENTS[0]} and {@code $1}, {@code $2}… single words (split like a shell, quotes
 * grouping), a missing one empty. Inside a {@code !`cmd`} marker the command runs in a shell, so there the arguments
 * are shell-quoted ({@link CommandArguments}); in the prose they go in as typed, since the model reads them.
 */
final class PromptTemplate {

    /** {@code !`cmd`} on one line; the command is everything between the backticks. */
    static final Pattern BANG = Pattern.compile("!`([^`\\n]+)`");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$ARGUMENTS\\[(\\d+)]|\\$ARGUMENTS|\\$(\\d+)");

    private PromptTemplate() {}

    /**
     * The prompt and, in order, the commands of its {@code !`cmd`} markers, each as it stands in the prompt (the
     * marker is {@code "!`" + command + "`"}), so the run can put each command's output in its marker's place.
     */
    record Rendered(String text, List<String> commands) {}

    static Rendered render(String template, String arguments) {
        String whole = arguments == null ? "" : arguments.strip();
        List<String> words = CommandArguments.words(whole);
        List<String> commands = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Matcher bang = BANG.matcher(template);
        int from = 0;
        while (bang.find()) {
            text.append(prose(template.substring(from, bang.start()), whole, words));
            String command = CommandArguments.substitute(bang.group(1), whole);
            commands.add(command);
            text.append("!`").append(command).append('`');
            from = bang.end();
        }
        text.append(prose(template.substring(from), whole, words));
        return new Rendered(text.toString(), List.copyOf(commands));
    }

    private static String prose(String part, String whole, List<String> words) {
        Matcher matcher = PLACEHOLDER.matcher(part);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) != null) {
                replacement = word(words, Integer.parseInt(matcher.group(1)));
            } else if (matcher.group(2) != null) {
                replacement = word(words, Integer.parseInt(matcher.group(2)) - 1);
            } else {
                replacement = whole;
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String word(List<String> words, int index) {
        return index >= 0 && index < words.size() ? words.get(index) : "";
    }
}
