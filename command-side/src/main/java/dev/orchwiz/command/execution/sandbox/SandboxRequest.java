package dev.orchwiz.command.execution.sandbox;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One script to run.
 *
 * @param workingDirectory relative to the workspace root, or absolute inside it; null or blank means the root
 * @param extraEnvironment set last, over the allowlisted and fixed names; names must match {@code [A-Z_][A-Z0-9_]*}
 * @param stdin written to the child, then closed; null closes stdin at once, so nothing can wait for input
 * @param timeout null means the settings' default
 * @param area a directory under the workspace root (one plain name per segment, e.g. {@code sessions/<id>}) that
 *     stands in for the root: created on first use, the working directory resolves inside it, and in the jail it is
 *     the only part of the workspace mounted, so a script sees nothing another area's scripts left; null is the whole
 *     workspace root
 */
public record SandboxRequest(
        String script,
        String workingDirectory,
        Map<String, String> extraEnvironment,
        byte[] stdin,
        Duration timeout,
        String area) {

    private static final Pattern AREA = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)*");

    // Plain upper-case names only: this also keeps out bash's exported-function variables (BASH_FUNC_name%%), which
    // would define functions in the child, and anything that is not portable across shells.
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    public SandboxRequest {
        Objects.requireNonNull(script, "script");
        // A NUL cannot travel in an argument; refusing it here gives a clearer message than the failed exec.
        if (script.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("script must not contain NUL characters");
        }
        extraEnvironment = extraEnvironment == null ? Map.of() : Map.copyOf(extraEnvironment);
        extraEnvironment.keySet().forEach(SandboxRequest::requireEnvironmentName);
        stdin = stdin == null ? null : stdin.clone();
        if (area != null) {
            assertPlainArea(area);
        }
    }

    /** Plain names only: no "..", no absolute path, nothing that could point an area outside the workspace. */
    static void assertPlainArea(String area) {
        if (area == null || !AREA.matcher(area).matches() || area.contains("..")) {
            throw new IllegalArgumentException("area must be plain relative names: " + area);
        }
    }

    /** A script in the whole workspace root. */
    public SandboxRequest(
            String script,
            String workingDirectory,
            Map<String, String> extraEnvironment,
            byte[] stdin,
            Duration timeout) {
        this(script, workingDirectory, extraEnvironment, stdin, timeout, null);
    }

    /** A script run in the workspace root with the default timeout, no extra environment and no input. */
    public static SandboxRequest of(String script) {
        return new SandboxRequest(script, null, Map.of(), null, null);
    }

    @Override
    public byte[] stdin() {
        return stdin == null ? null : stdin.clone();
    }

    private static void requireEnvironmentName(String name) {
        if (!ENVIRONMENT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "environment name '" + name + "' is refused: names must match " + ENVIRONMENT_NAME.pattern());
        }
    }
}
