package dev.orchwiz.command.claudecode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One YAML frontmatter, kept as ordered raw entries so an unchanged file renders back byte for byte.
 *
 * <p>Every top-level key is one entry whose raw text is everything after {@code key:} up to the next top-level key,
 * continuation lines included. Full-line comments and blank lines between keys become entries of their own, keyed
 * {@code #1}, {@code #2}, ... in file order, whose raw text is the lines themselves: they stay where they were when
 * keys around them change. Each entry is parsed on its own with SnakeYAML's safe loader; a one-line value that is not
 * valid YAML (Claude Code writes {@code argument-hint: [app] [env]}) is read as its text instead of being refused,
 * because Claude Code itself accepts such files.
 *
 * <p>The frontmatter renders with the line separator of its opening {@code ---} line; a file that mixes separators
 * inside the frontmatter comes back with that one separator.
 */
public final class Frontmatter {

    private static final String DELIMITER = "---";
    private static final String COMMENT_KEY_PREFIX = "#";

    /** Characters that cannot start a plain top-level key ('-' would be a sequence item, '#' a comment). */
    private static final String NOT_A_KEY_START = "#-?:,[]{}&*!|>%@`";

    /** How many {@code #} candidates a trailing-comment search tries, so a hostile line cannot make it quadratic. */
    private static final int COMMENT_CANDIDATES = 16;

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern BLOCK_ITEM_INDENT = Pattern.compile("\\n( *)- ");
    private static final Pattern BLOCK_MAP_INDENT = Pattern.compile("\\n( +)\\S");

    private static final Frontmatter EMPTY = new Frontmatter(List.of(), false, "\n", DELIMITER, DELIMITER, "\n");

    private final List<Entry> entries;
    /** Whether a {@code ---} block is written at all: a file may have none, or an empty one. */
    private final boolean delimited;

    private final String lineSeparator;
    private final String opening;
    private final String closing;
    /** What followed the closing {@code ---}: a line separator, or nothing when the file ends right there. */
    private final String closingTerminator;

    private Frontmatter(
            List<Entry> entries,
            boolean delimited,
            String lineSeparator,
            String opening,
            String closing,
            String closingTerminator) {
        this.entries = List.copyOf(entries);
        this.delimited = delimited;
        this.lineSeparator = lineSeparator;
        this.opening = opening;
        this.closing = closing;
        this.closingTerminator = closingTerminator;
    }

    public static Frontmatter empty() {
        return EMPTY;
    }

    /**
     * Builds a frontmatter from raw entries as {@link #rawEntries()} returns them. Keys starting with {@code #} are
     * comment entries rendered verbatim; every other raw text must be a valid YAML value for its key.
     */
    public static Frontmatter ofRaw(Map<String, String> rawEntries) {
        List<Entry> entries = new ArrayList<>();
        rawEntries.forEach((key, raw) -> {
            String text =
                    Objects.requireNonNull(raw, () -> "raw text of " + key).replace("\r\n", "\n");
            if (isCommentKey(key)) {
                if (!text.lines()
                        .allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
                    throw new ClaudeCodeFileInvalid(
                            null, 0, "frontmatter entry '" + key + "' may hold only comment and blank lines");
                }
                entries.add(Entry.comment(key, text));
            } else {
                String keyText = keyText(key);
                entries.add(new Entry(
                        key, keyText, text, parseEntry(null, 0, keyText, text).value()));
            }
        });
        return new Frontmatter(entries, !entries.isEmpty(), "\n", DELIMITER, DELIMITER, "\n");
    }

    /**
     * Builds a frontmatter from entries as {@link #storedEntries()} returns them: a text that starts with neither
     * whitespace nor a line break gets back the one space that separated it from its key. A record stored without
     * frontmatter (none, or no entries) has the empty one, which renders no delimiters.
     */
    public static Frontmatter ofStored(Map<String, String> storedEntries) {
        if (storedEntries == null || storedEntries.isEmpty()) {
            return EMPTY;
        }
        LinkedHashMap<String, String> raw = new LinkedHashMap<>();
        storedEntries.forEach((key, text) -> raw.put(key, isCommentKey(key) || text == null ? text : rawOf(text)));
        return ofRaw(raw);
    }

    /**
     * Key to the text of its value as OrchWiz stores and shows it: the raw text without the one space that separates
     * a value from its {@code key:}, so {@code model: sonnet} is stored as {@code sonnet}, as YAML reads it, not as
     * {@code " sonnet"}. Everything else stays as written (a trailing comment, the line break that starts a block
     * value, unusual spacing such as two spaces or a tab after the colon), so {@link #ofStored} gives back the raw
     * text exactly and an exported file is the imported one byte for byte. Comment entries are stored as they are.
     */
    public LinkedHashMap<String, String> storedEntries() {
        LinkedHashMap<String, String> stored = new LinkedHashMap<>();
        entries.forEach(entry -> stored.put(entry.key(), entry.isComment() ? entry.raw() : storedOf(entry.raw())));
        return stored;
    }

    private static String storedOf(String raw) {
        boolean oneSeparatingSpace = raw.length() > 1 && raw.charAt(0) == ' ' && !Character.isWhitespace(raw.charAt(1));
        return oneSeparatingSpace ? raw.substring(1) : raw;
    }

    private static String rawOf(String stored) {
        boolean separatorDropped = !stored.isEmpty() && !Character.isWhitespace(stored.charAt(0));
        return separatorDropped ? " " + stored : stored;
    }

    /** Whether a {@link #rawEntries()} key stands for comment or blank lines rather than a YAML key. */
    public static boolean isCommentKey(String key) {
        return key.startsWith(COMMENT_KEY_PREFIX);
    }

    /** Key to the raw YAML text of its value (everything after {@code key:}, continuation lines included). */
    public LinkedHashMap<String, String> rawEntries() {
        LinkedHashMap<String, String> raw = new LinkedHashMap<>();
        entries.forEach(entry -> raw.put(entry.key(), entry.raw()));
        return raw;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public boolean has(String key) {
        return find(key) >= 0;
    }

    /** The parsed value; empty when the key is absent or its value is null. */
    public Optional<Object> value(String key) {
        int index = find(key);
        return index < 0
                ? Optional.empty()
                : Optional.ofNullable(entries.get(index).value());
    }

    /**
     * The value as text: a string as it is, anything else as the user wrote it on its line (so {@code [pr-number]}
     * stays {@code [pr-number]} instead of becoming a one-element list), or its string form when it spans lines.
     */
    public Optional<String> text(String key) {
        int index = find(key);
        if (index < 0 || entries.get(index).value() == null) {
            return Optional.empty();
        }
        Entry entry = entries.get(index);
        if (entry.value() instanceof String string) {
            return Optional.of(string);
        }
        if (entry.raw().contains("\n")) {
            return Optional.of(String.valueOf(entry.value()));
        }
        int comment = entry.commentStart();
        return Optional.of((comment < 0 ? entry.raw() : entry.raw().substring(0, comment)).strip());
    }

    /**
     * A copy with {@code key} set to {@code value}. The raw text is replaced only when the value differs from the
     * parsed old one, keeping the old quoting, list style, indentation and trailing comment; a new key is appended;
     * null removes the key.
     */
    public Frontmatter with(String key, Object value) {
        if (isCommentKey(key)) {
            throw new IllegalArgumentException("comment entries change only through ofRaw: " + key);
        }
        int index = find(key);
        List<Entry> changed = new ArrayList<>(entries);
        if (value == null) {
            if (index < 0) {
                return this;
            }
            changed.remove(index);
            return copyWith(changed);
        }
        if (index < 0) {
            String keyText = keyText(key);
            String raw = encode(value, null);
            changed.add(new Entry(
                    key, keyText, raw, parseEntry(null, 0, keyText, raw).value()));
            return copyWith(changed);
        }
        Entry old = entries.get(index);
        if (Objects.equals(old.value(), value)) {
            return this;
        }
        String raw = encode(value, old.raw());
        Object parsed = parseEntry(null, 0, old.keyText(), raw).value();
        String decorated = keepTrailingComment(old, raw);
        if (!decorated.equals(raw) && Objects.equals(valueOrNull(old.keyText(), decorated), parsed)) {
            raw = decorated;
        }
        if (Objects.equals(old.value(), parsed)) {
            // e.g. a Long for a value the file holds as an Integer: same YAML, so the old text stays
            return this;
        }
        changed.set(index, new Entry(key, old.keyText(), raw, parsed));
        return copyWith(changed);
    }

    /**
     * {@link #with} for a value read through {@link #text}: compares with the text the frontmatter shows, so
     * {@code description: 42} is not rewritten as {@code description: '42'} when the text stays "42".
     */
    Frontmatter withText(String key, String text) {
        return Objects.equals(text(key).orElse(null), text) ? this : with(key, text);
    }

    /** {@code "---\n...---\n"} with the original delimiters and line separators, or "" when there is no block. */
    public String render() {
        if (!delimited) {
            return "";
        }
        StringBuilder text = new StringBuilder(opening).append(lineSeparator);
        for (Entry entry : entries) {
            text.append(entry.text().replace("\n", lineSeparator)).append(lineSeparator);
        }
        return text.append(closing).append(closingTerminator).toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frontmatter that && render().equals(that.render());
    }

    @Override
    public int hashCode() {
        return render().hashCode();
    }

    @Override
    public String toString() {
        return render();
    }

    /**
     * Reads the lines between the delimiters. {@code firstLine} is the 1-based file line of {@code lines.get(0)},
     * so errors point at the line the user sees in an editor.
     */
    static Frontmatter parse(
            String path,
            List<String> lines,
            int firstLine,
            String lineSeparator,
            String opening,
            String closing,
            String closingTerminator) {
        EntryReader reader = new EntryReader(path);
        for (int i = 0; i < lines.size(); i++) {
            reader.accept(lines.get(i), firstLine + i);
        }
        return new Frontmatter(reader.finish(), true, lineSeparator, opening, closing, closingTerminator);
    }

    /** This frontmatter ending in a line break, so a body can follow a closing {@code ---} that ended the file. */
    Frontmatter closedByLineBreak() {
        return closingTerminator.isEmpty()
                ? new Frontmatter(entries, delimited, lineSeparator, opening, closing, lineSeparator)
                : this;
    }

    private Frontmatter copyWith(List<Entry> changed) {
        // Removing the last key removes the block rather than leaving an empty "---\n---" behind.
        return new Frontmatter(changed, !changed.isEmpty(), lineSeparator, opening, closing, closingTerminator);
    }

    private int find(String key) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String keyText(String key) {
        if (SIMPLE_KEY.matcher(key).matches()) {
            return key;
        }
        return dumper(DumperOptions.FlowStyle.BLOCK, DumperOptions.ScalarStyle.DOUBLE_QUOTED, 2, 0)
                .dump(key)
                .strip();
    }

    /** The YAML text to put after {@code key:} for a new value, in the style the old raw text used. */
    private static String encode(Object value, String oldRaw) {
        String old = oldRaw == null ? "" : oldRaw;
        String oldValueText = old.strip();
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            boolean flow = oldValueText.startsWith("[") || oldValueText.startsWith("{");
            if (flow || (value instanceof List<?> list && list.isEmpty())) {
                return " "
                        + dumper(DumperOptions.FlowStyle.FLOW, DumperOptions.ScalarStyle.PLAIN, 2, 0)
                                .dump(value)
                                .strip();
            }
            Matcher itemIndent = BLOCK_ITEM_INDENT.matcher(old);
            Matcher mapIndent = BLOCK_MAP_INDENT.matcher(old);
            int indicator = itemIndent.find() ? itemIndent.group(1).length() : 2;
            int indent = mapIndent.find() ? mapIndent.group(1).length() : 2;
            if (value instanceof List<?>) {
                indent = Math.max(indicator, 2);
            }
            String dumped = dumper(
                            DumperOptions.FlowStyle.BLOCK,
                            DumperOptions.ScalarStyle.PLAIN,
                            Math.min(indent, 9),
                            Math.min(indicator, 8))
                    .dump(Collections.singletonMap("k", value));
            return stripTrailingNewline(dumped.substring("k:".length()));
        }
        DumperOptions.ScalarStyle style = DumperOptions.ScalarStyle.PLAIN;
        if (value instanceof String) {
            if (oldValueText.startsWith("\"")) {
                style = DumperOptions.ScalarStyle.DOUBLE_QUOTED;
            } else if (oldValueText.startsWith("'")) {
                style = DumperOptions.ScalarStyle.SINGLE_QUOTED;
            } else if (oldValueText.startsWith("|")) {
                style = DumperOptions.ScalarStyle.LITERAL;
            } else if (oldValueText.startsWith(">")) {
                style = DumperOptions.ScalarStyle.FOLDED;
            }
        }
        return " "
                + stripTrailingNewline(
                        dumper(DumperOptions.FlowStyle.BLOCK, style, 2, 0).dump(value));
    }

    /** A one-line value keeps its trailing {@code # comment}, at the same column when the new value fits. */
    private static String keepTrailingComment(Entry old, String raw) {
        int comment = old.commentStart();
        if (comment < 0 || raw.contains("\n") || old.raw().contains("\n")) {
            return raw;
        }
        String suffix = old.raw().substring(comment);
        String commentText = suffix.stripLeading();
        int oldColumn = comment + suffix.length() - commentText.length();
        String leading = old.raw()
                .substring(0, old.raw().length() - old.raw().stripLeading().length());
        String value = leading.isEmpty() ? raw : leading + raw.stripLeading();
        return value + " ".repeat(Math.max(1, oldColumn - value.length())) + commentText;
    }

    /** The value of a raw text, or null when it does not parse; only for checks, never for reading a file. */
    private static Object valueOrNull(String keyText, String raw) {
        try {
            return parseEntry(null, 0, keyText, raw).value();
        } catch (ClaudeCodeFileInvalid notYaml) {
            return null;
        }
    }

    private static String stripTrailingNewline(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static Yaml dumper(
            DumperOptions.FlowStyle flowStyle, DumperOptions.ScalarStyle scalarStyle, int indent, int indicator) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(flowStyle);
        options.setDefaultScalarStyle(scalarStyle);
        options.setIndent(indent);
        options.setIndicatorIndent(indicator);
        options.setIndentWithIndicator(indicator > 0);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setAllowUnicode(true);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        return new Yaml(options);
    }

    /** Loads YAML with the safe constructor; a new instance each time because Yaml is not thread-safe. */
    private static Object load(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options)).load(yaml);
    }

    private record ParsedEntry(String key, Object value) {}

    /**
     * Parses {@code keyText:raw} as a one-key mapping. {@code firstLine} is the file line of the key (0 when the
     * entry did not come from a file).
     */
    private static ParsedEntry parseEntry(String path, int firstLine, String keyText, String raw) {
        // The final line break matters: without it "|" and "|+" block scalars lose their last newline.
        String yaml = keyText + ":" + raw + "\n";
        try {
            return singleEntry(path, firstLine, load(yaml));
        } catch (ClaudeCodeFileInvalid invalid) {
            throw invalid;
        } catch (RuntimeException problem) {
            if (!raw.contains("\n")) {
                // Claude Code reads a one-line value it cannot parse as YAML as plain text; so do we.
                ParsedEntry key = singleEntry(path, firstLine, loadQuietly(keyText + ": ~", path, firstLine));
                return new ParsedEntry(key.key(), withoutComment(raw).strip());
            }
            String problemText = problem instanceof MarkedYAMLException marked && marked.getProblem() != null
                    ? marked.getProblem()
                    : String.valueOf(problem.getMessage());
            throw new ClaudeCodeFileInvalid(
                    path,
                    problemLine(problem, firstLine, raw),
                    "invalid YAML in frontmatter key '" + keyText.strip() + "': " + problemText,
                    problem);
        }
    }

    private static Object loadQuietly(String yaml, String path, int line) {
        try {
            return load(yaml);
        } catch (RuntimeException problem) {
            throw new ClaudeCodeFileInvalid(path, line, "invalid frontmatter key: " + yaml, problem);
        }
    }

    private static ParsedEntry singleEntry(String path, int firstLine, Object loaded) {
        if (!(loaded instanceof Map<?, ?> map) || map.size() != 1) {
            throw new ClaudeCodeFileInvalid(
                    path,
                    firstLine,
                    "expected one 'key: value' entry starting on this line, found "
                            + abbreviate(String.valueOf(loaded)));
        }
        Map.Entry<?, ?> only = map.entrySet().iterator().next();
        return new ParsedEntry(String.valueOf(only.getKey()), only.getValue());
    }

    private static int problemLine(RuntimeException problem, int firstLine, String raw) {
        if (firstLine <= 0) {
            return 0;
        }
        int lastLine = firstLine + (int) raw.chars().filter(c -> c == '\n').count();
        Mark mark = problem instanceof MarkedYAMLException marked
                ? Objects.requireNonNullElse(marked.getProblemMark(), marked.getContextMark())
                : null;
        return mark == null ? firstLine : Math.min(firstLine + mark.getLine(), lastLine);
    }

    /**
     * The index of the colon of a top-level {@code key:} line, or -1 when the line continues the previous value.
     * Scanned by hand rather than with a regular expression, whose backtracking a long hostile line could exploit.
     */
    static int keyColon(String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || NOT_A_KEY_START.indexOf(line.charAt(0)) >= 0) {
            return -1;
        }
        int from = 0;
        char quote = line.charAt(0);
        if (quote == '"' || quote == '\'') {
            from = closingQuote(line, quote);
            if (from < 0) {
                return -1;
            }
        }
        for (int i = from + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#' && isBlank(line.charAt(i - 1))) {
                return -1;
            }
            if (c == ':' && (i + 1 == line.length() || isBlank(line.charAt(i + 1)))) {
                return i;
            }
            if (from > 0 && !isBlank(c)) {
                return -1;
            }
        }
        return -1;
    }

    private static int closingQuote(String line, char quote) {
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                boolean doubledSingleQuote = quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'';
                if (!doubledSingleQuote) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private static String withoutComment(String raw) {
        int comment = firstCommentCandidate(raw, 0);
        return comment < 0 ? raw : raw.substring(0, comment);
    }

    /** Index of the whitespace run before the first {@code #} that follows whitespace, from {@code from} on. */
    private static int firstCommentCandidate(String raw, int from) {
        for (int i = Math.max(from, 1); i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && isBlank(raw.charAt(i - 1))) {
                int start = i;
                while (start > 0 && isBlank(raw.charAt(start - 1))) {
                    start--;
                }
                return start;
            }
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private record Entry(String key, String keyText, String raw, Object value) {

        static Entry comment(String key, String lines) {
            return new Entry(key, null, lines, null);
        }

        boolean isComment() {
            return keyText == null;
        }

        String text() {
            return isComment() ? raw : keyText + ":" + raw;
        }

        /**
         * Where a trailing {@code # comment} of a one-line value starts (its leading whitespace included), or -1. A
         * {@code #} inside quotes is part of the value, so a candidate counts only if the text before it still
         * parses to the same value.
         */
        int commentStart() {
            if (isComment() || raw.contains("\n")) {
                return -1;
            }
            int candidate = firstCommentCandidate(raw, 0);
            for (int tries = 0; candidate >= 0 && tries < COMMENT_CANDIDATES; tries++) {
                if (Objects.equals(valueOrFailure(keyText + ":" + raw.substring(0, candidate)), value)) {
                    return candidate;
                }
                int hash = raw.indexOf('#', candidate);
                candidate = firstCommentCandidate(raw, hash + 1);
            }
            return -1;
        }

        private Object valueOrFailure(String yaml) {
            try {
                Object loaded = load(yaml);
                return loaded instanceof Map<?, ?> map && map.size() == 1
                        ? map.values().iterator().next()
                        : new Object();
            } catch (RuntimeException notYaml) {
                // Lenient entries hold the text before the first comment, so compare with that.
                return withoutComment(yaml.substring(keyText.length() + 1)).strip();
            }
        }
    }

    /**
     * Splits frontmatter lines into entries. Blank and full-line comment lines wait until the next line shows
     * whether they sit inside a value (an indented continuation follows) or between keys.
     */
    private static final class EntryReader {

        private static final Object FAILED = new Object();

        private final String path;
        private final List<Entry> entries = new ArrayList<>();
        private final Set<String> keys = new HashSet<>();
        private final List<String> pending = new ArrayList<>();
        private int comments;

        private String keyText;
        private int keyLine;
        private final List<String> valueLines = new ArrayList<>();

        EntryReader(String path) {
            this.path = path;
        }

        void accept(String line, int lineNumber) {
            if (line.isBlank() || line.startsWith("#")) {
                pending.add(line);
                return;
            }
            int colon = keyColon(line);
            if (colon > 0) {
                finishEntry();
                // The key text keeps any space before the colon so the line renders back unchanged.
                keyText = line.substring(0, colon);
                keyLine = lineNumber;
                valueLines.add(line.substring(colon + 1));
                return;
            }
            if (keyText == null) {
                throw new ClaudeCodeFileInvalid(
                        path, lineNumber, "expected 'key: value' in the frontmatter, found: " + abbreviate(line));
            }
            valueLines.addAll(pending);
            pending.clear();
            valueLines.add(line);
        }

        List<Entry> finish() {
            finishEntry();
            return entries;
        }

        private void finishEntry() {
            if (keyText != null) {
                String raw = String.join("\n", valueLines);
                ParsedEntry parsed = parseEntry(path, keyLine, keyText, raw);
                if (!pending.isEmpty()) {
                    // Blank lines after a keep-chomping block scalar ("|+") are part of its value.
                    String withPending = raw + "\n" + String.join("\n", pending);
                    Object valueWithPending = valueIgnoringFailure(withPending);
                    if (!Objects.equals(valueWithPending, parsed.value()) && valueWithPending != FAILED) {
                        raw = withPending;
                        parsed = new ParsedEntry(parsed.key(), valueWithPending);
                        pending.clear();
                    }
                }
                if (!keys.add(parsed.key())) {
                    throw new ClaudeCodeFileInvalid(path, keyLine, "duplicate frontmatter key '" + parsed.key() + "'");
                }
                entries.add(new Entry(parsed.key(), keyText, raw, parsed.value()));
                keyText = null;
                valueLines.clear();
            }
            if (!pending.isEmpty()) {
                comments++;
                entries.add(Entry.comment(COMMENT_KEY_PREFIX + comments, String.join("\n", pending)));
                pending.clear();
            }
        }

        private Object valueIgnoringFailure(String raw) {
            try {
                return parseEntry(path, keyLine, keyText, raw).value();
            } catch (RuntimeException failed) {
                return FAILED;
            }
        }
    }
}
