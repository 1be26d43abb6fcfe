package dev.orchwiz.command.claudecode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A Markdown file split into its optional frontmatter and its body, the body kept exactly as written. */
record MarkdownFile(Frontmatter frontmatter, String body) {

    /** Claude Code files are small; anything larger is a mistake or an attack, not a command. */
    static final int MAX_BYTES = 256 * 1024;

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    static MarkdownFile parse(String path, String content) {
        if (content == null) {
            throw new ClaudeCodeFileInvalid(path, 0, "the file has no content");
        }
        refuseOversized(path, content);
        Line opening = Line.at(content, 0);
        // A byte order mark from a Windows editor stays part of the opening line, so it renders back too.
        boolean opens = opening.text().startsWith(BYTE_ORDER_MARK)
                ? new Line(opening.text().substring(1), "", 0).isDelimiter()
                : opening.isDelimiter();
        if (!opens) {
            return new MarkdownFile(Frontmatter.empty(), content);
        }
        List<String> inner = new ArrayList<>();
        int start = opening.next();
        while (start < content.length()) {
            Line line = Line.at(content, start);
            if (line.isDelimiter()) {
                Frontmatter frontmatter = Frontmatter.parse(
                        path, inner, 2, opening.terminator(), opening.text(), line.text(), line.terminator());
                return new MarkdownFile(frontmatter, content.substring(line.next()));
            }
            inner.add(line.text());
            start = line.next();
        }
        throw new ClaudeCodeFileInvalid(path, 1, "the frontmatter opened on line 1 is never closed by a '---' line");
    }

    String render() {
        Frontmatter head = body.isEmpty() ? frontmatter : frontmatter.closedByLineBreak();
        return head.render() + body;
    }

    static void refuseOversized(String path, String content) {
        // Every char is at least one UTF-8 byte, so the cheap length check catches most oversized content first.
        if (content.length() > MAX_BYTES || content.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ClaudeCodeFileInvalid(
                    path, 0, "the file is larger than " + MAX_BYTES / 1024 + " KiB; Claude Code files are small");
        }
    }

    /** One line: its text without the terminator, the terminator ("\n", "\r\n" or "" at the end) and where the next starts. */
    private record Line(String text, String terminator, int next) {

        static Line at(String content, int start) {
            int newline = content.indexOf('\n', start);
            if (newline < 0) {
                return new Line(content.substring(start), "", content.length());
            }
            boolean crlf = newline > start && content.charAt(newline - 1) == '\r';
            String text = content.substring(start, crlf ? newline - 1 : newline);
            return new Line(text, crlf ? "\r\n" : "\n", newline + 1);
        }

        /** {@code ---}, optionally followed by spaces, as Claude Code's own frontmatter reader accepts. */
        boolean isDelimiter() {
            return text.startsWith("---") && text.substring(3).isBlank();
        }
    }
}
