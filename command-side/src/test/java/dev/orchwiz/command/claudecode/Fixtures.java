package dev.orchwiz.command.claudecode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test files under {@code src/test/resources/claudecode/}, read byte for byte. */
final class Fixtures {

    private Fixtures() {}

    static String read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/claudecode/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path Claude Code would have the file at: {@code commands/git/commit.md} → {@code .claude/commands/git/commit.md}. */
    static String claudePath(String resource) {
        return ".claude/" + resource;
    }

    static String crlf(String content) {
        return content.replace("\n", "\r\n");
    }

    /** The lines of {@code after} that differ from {@code before}, compared position by position. */
    static List<String> changedLines(String before, String after) {
        List<String> old = before.lines().toList();
        List<String> changed = after.lines().toList();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(old.size(), changed.size()); i++) {
            String was = i < old.size() ? old.get(i) : null;
            String is = i < changed.size() ? changed.get(i) : null;
            if (!java.util.Objects.equals(was, is)) {
                differences.add(is == null ? "- " + was : is);
            }
        }
        return differences;
    }
}
