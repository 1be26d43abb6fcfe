package dev.orchwiz.command.hook;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches a hook's matcher against a tool name the way Claude Code documents it: empty or {@code *} matches every
 * tool, anything else is a regular expression that must match the whole name ({@code Edit|Write},
 * {@code mcp__.*__delete.*}). Matchers are user-written, so they run on RE2/J, whose time is linear in the input:
 * no pattern can hang the node the way a backtracking engine can.
 */
public final class HookMatcher {

    public static final int MATCHER_LIMIT = 1_000;

    private static final int CACHE_LIMIT = 1_000;
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private HookMatcher() {}

    public static boolean matchesEverything(String matcher) {
        return matcher == null || matcher.isBlank() || matcher.trim().equals("*");
    }

    public static boolean matches(String matcher, String toolName) {
        if (matchesEverything(matcher)) {
            return true;
        }
        if (toolName == null) {
            return false;
        }
        try {
            return compiled(matcher).matches(toolName);
        } catch (PatternSyntaxException invalid) {
            // Stored matchers were validated when saved; one that no longer compiles matches nothing.
            return false;
        }
    }

    /** The reason a matcher is refused, or null when it is fine. */
    public static String problem(String matcher) {
        if (matcher != null && matcher.length() > MATCHER_LIMIT) {
            return "matcher must be at most " + MATCHER_LIMIT + " characters";
        }
        if (matchesEverything(matcher)) {
            return null;
        }
        try {
            Pattern.compile(matcher);
            return null;
        } catch (PatternSyntaxException invalid) {
            return "matcher is not a valid regular expression: " + invalid.getDescription();
        }
    }

    private static Pattern compiled(String matcher) {
        if (COMPILED.size() > CACHE_LIMIT) {
            COMPILED.clear();
        }
        return COMPILED.computeIfAbsent(matcher, Pattern::compile);
    }
}
