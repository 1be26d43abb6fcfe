package dev.orchwiz.command.permission;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A gitignore-style path specifier of a {@code Read(…)} or {@code Edit(…)} rule, anchored the way Claude Code anchors
 * it.
 *
 * <ul>
 *   <li>{@code //abs/path}: an absolute filesystem path.
 *   <li>{@code ~/path}: relative to the home directory.
 *   <li>{@code /path}: relative to the project root, not the filesystem root (a session without a known project root
 *       is rooted at its working directory, the place Claude Code would have started in).
 *   <li>{@code ./path}, or {@code dir/path} with a slash inside: relative to the working directory.
 *   <li>A bare name without any slash ({@code .env}, {@code *.pem}) matches at any depth below the working directory,
 *       as the same line in a {@code .gitignore} would. A deny rule for {@code *.pem} that missed {@code keys/a.pem}
 *       would be a trap.
 * </ul>
 *
 * <p>{@code *} matches within one path segment, {@code **} any number of segments (none included); every other
 * character stands for itself. A pattern that matches a directory matches everything under it (gitignore ignores the
 * contents of an ignored directory), so {@code Read(./secrets)}, {@code Read(./secrets/)} and {@code
 * Read(./secrets/**)} all cover {@code secrets/a/b}. Since {@code **} may match no segment, the last also covers the
 * directory itself, which is what a Grep or Glob rooted at {@code secrets} reads. Both the pattern and the path are normalised ({@code .} and {@code ..} resolved, repeated slashes dropped)
 * before matching, so {@code ./secrets/../secrets/x} or {@code docs/../secrets/x} cannot dodge a rule. Paths are
 * compared case-sensitively, as on the Linux hosts OrchWiz runs tools on.
 */
final class PathPattern {

    private final List<String> segments;

    private PathPattern(List<String> segments) {
        this.segments = segments;
    }

    /** The specifier anchored for this call; empty when the anchor it needs (home, working directory) is unknown. */
    static Optional<PathPattern> anchored(String specifier, ToolCallFacts call) {
        Optional<String> absolute;
        if (specifier.startsWith("//")) {
            absolute = Optional.of(specifier.substring(1));
        } else if (specifier.equals("~") || specifier.startsWith("~/")) {
            absolute = absoluteDirectory(call.homeDirectory()).map(home -> home + specifier.substring(1));
        } else if (specifier.startsWith("/")) {
            absolute = absoluteDirectory(call.projectRoot())
                    .or(() -> absoluteDirectory(call.workingDirectory()))
                    .map(root -> root + specifier);
        } else if (isBareName(specifier)) {
            absolute = absoluteDirectory(call.workingDirectory()).map(cwd -> cwd + "/**/" + specifier);
        } else {
            absolute = absoluteDirectory(call.workingDirectory()).map(cwd -> cwd + "/" + specifier);
        }
        return absolute.map(path -> new PathPattern(normalise(path)));
    }

    /**
     * Whether the absolute, normalised path, or one of its parent directories, matches: whether the pattern matches
     * some leading run of the path's segments. One pass of dynamic programming over (pattern segment, path prefix),
     * in which {@code **} may swallow any number of segments, so a path of thousands of segments stays cheap.
     */
    boolean matches(List<String> path) {
        boolean[] reached = new boolean[path.size() + 1];
        reached[0] = true;
        for (String segment : segments) {
            boolean[] next = new boolean[path.size() + 1];
            if (segment.equals("**")) {
                boolean any = false;
                for (int s = 0; s <= path.size(); s++) {
                    any = any || reached[s];
                    next[s] = any;
                }
            } else {
                for (int s = 0; s < path.size(); s++) {
                    next[s + 1] = reached[s] && CommandPattern.glob(segment, path.get(s));
                }
            }
            reached = next;
        }
        for (boolean prefixMatched : reached) {
            if (prefixMatched) {
                return true;
            }
        }
        return false;
    }

    /**
     * A path named by a tool call, made absolute and normalised into its segments; empty when it is relative and the
     * directory it is relative to is unknown.
     */
    static Optional<List<String>> resolve(String path, ToolCallFacts call) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        if (path.startsWith("/")) {
            return Optional.of(normalise(path));
        }
        if (path.equals("~") || path.startsWith("~/")) {
            return absoluteDirectory(call.homeDirectory()).map(home -> normalise(home + path.substring(1)));
        }
        return absoluteDirectory(call.workingDirectory()).map(cwd -> normalise(cwd + "/" + path));
    }

    /** Resolves {@code .}, {@code ..} and empty segments; {@code ..} at the root stays there, as the kernel does. */
    static List<String> normalise(String absolutePath) {
        List<String> segments = new ArrayList<>();
        for (String segment : absolutePath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
                continue;
            }
            segments.add(segment);
        }
        return segments;
    }

    private static boolean isBareName(String specifier) {
        String withoutTrailingSlash =
                specifier.endsWith("/") ? specifier.substring(0, specifier.length() - 1) : specifier;
        return !withoutTrailingSlash.contains("/")
                && !withoutTrailingSlash.equals(".")
                && !withoutTrailingSlash.equals("..");
    }

    private static Optional<String> absoluteDirectory(String directory) {
        return directory != null && directory.startsWith("/") ? Optional.of(directory) : Optional.empty();
    }
}
