package dev.orchwiz.command.permission;

import dev.orchwiz.api.toolcall.PermissionOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether one rule matches one tool call, following Claude Code's documented semantics.
 *
 * <p><b>Tools.</b> Tool names are case-sensitive and compared exactly; {@code Tool} and {@code Tool(*)} match every
 * call of the tool. Three rule names cover more than their own tool, because Claude Code defines them so and a deny
 * that missed a sibling tool would be a hole: {@code Edit} rules cover every editing tool (Edit, MultiEdit, Write,
 * NotebookEdit), {@code Read} rules also cover Glob and Grep, and {@code Agent} and its former name {@code Task} are
 * one tool, so imported old settings keep working. {@code mcp__server} covers every {@code mcp__server__*} tool.
 *
 * <p><b>Bash</b> specifiers are {@link CommandPattern}s matched against the simple commands of a {@link ShellCommand},
 * asymmetrically, so that every mistake the parser could make errs towards asking:
 *
 * <ul>
 *   <li>an <em>allow</em> rule must match <em>every</em> simple command, so {@code npm test && rm -rf /} does not pass
 *       {@code Bash(npm test:*)}, and a multi-line script passes only if each line is allowed. It never matches a line
 *       with command or process substitution ({@code $(…)}, backticks, {@code <(…)}, {@code >(…)}): the substituted
 *       output becomes part of the command, so what runs cannot be read off the text the rule was checked against. Nor
 *       does it match a line with an unclosed quote or bracket (see {@link ShellCommand#isComplete()}). A
 *       wildcard-free allow rule equal to the whole line also matches it ({@code Bash(npm test && npm run build)}):
 *       its author allowed exactly that line. An allow rule with a wildcard does not pass {@code find} with {@code
 *       -exec}, {@code -execdir}, {@code -ok}, {@code -okdir} or {@code -delete} unless it names that action itself,
 *       as Claude Code does for {@code Bash(find:*)}: those run or delete other things than {@code find} reads.
 *   <li>an <em>ask</em> or <em>deny</em> rule matches when <em>any</em> simple command matches (also without leading
 *       {@code NAME=value} assignments and including commands inside substitutions), or when the whole line does (so a
 *       rule that itself contains operators, like the fork bomb, can still be denied).
 *   <li>output redirections ({@code > file}, {@code 2>&1}) are stripped before matching, as Claude Code tolerates them.
 * </ul>
 *
 * <p><b>Read and Edit</b> specifiers are {@link PathPattern}s matched against the call's {@code file_path} ({@code
 * notebook_path}, {@code path}), resolved against the working directory and normalised. Glob and Grep are checked by
 * the directory they search: {@code path} (the working directory when absent), for Glob extended by the wildcard-free
 * start of its {@code pattern}, so {@code pattern: "secrets/*.key"} is a read of {@code secrets}. Hiding single files
 * from a wider search is the runtime's job; a rule can only judge the call.
 *
 * <p><b>WebFetch</b>{@code (domain:…)} is a {@link DomainPattern} on {@code input.url}.
 *
 * <p><b>Everything else</b>: {@code Tool(param:value)} matches {@code input.param} as a {@link CommandPattern}. When
 * the input has no such field, or the specifier has no {@code param:} form, the whole specifier is matched against the
 * tool's primary field: {@code subagent_type} for Agent/Task, {@code skill} (or {@code command}) for Skill, {@code
 * query} for WebSearch, otherwise the first present of {@code command}, {@code file_path}, {@code path}, {@code url},
 * {@code query}, {@code prompt}. The fallback keeps skill names with colons ({@code Skill(plugin:deploy)}) working.
 *
 * <p>Odd input (missing fields, nulls, numbers where text is expected, nested objects) never throws: the rule simply
 * does not match, and the call falls through to the next rule or to asking.
 */
public final class RuleMatcher {

    private static final Set<String> EDITING_TOOLS = Set.of("Edit", "MultiEdit", "Write", "NotebookEdit");
    private static final Set<String> READING_TOOLS = Set.of("Read", "Glob", "Grep");
    private static final Set<String> AGENT_TOOLS = Set.of("Agent", "Task");
    private static final Set<String> FIND_ACTIONS = Set.of("-exec", "-execdir", "-ok", "-okdir", "-delete");
    private static final String GLOB_CHARACTERS = "*?[{";
    private static final String DOMAIN_PREFIX = "domain:";

    private RuleMatcher() {}

    /**
     * Whether the rule, given with the outcome it carries, matches the call. The outcome matters only for Bash, where
     * allow rules must cover the whole command line and ask or deny rules need only one part of it.
     */
    public static boolean matches(RuleSpec rule, PermissionOutcome outcome, ToolCallFacts call) {
        if (rule == null || outcome == null || call == null || call.tool() == null) {
            return false;
        }
        if (!coversTool(rule, call.tool())) {
            return false;
        }
        if (rule.specifier() == null) {
            return true;
        }
        return switch (rule.tool()) {
            case "Bash" -> bashMatches(CommandPattern.of(rule.specifier()), outcome, call);
            case "Read", "Edit" -> pathMatches(rule.specifier(), call);
            case "WebFetch" -> webFetchMatches(rule, call);
            default -> fieldMatches(rule, call);
        };
    }

    private static boolean coversTool(RuleSpec rule, String callTool) {
        String ruleTool = rule.tool();
        if (ruleTool.equals(callTool)) {
            return true;
        }
        if (rule.isMcpServer()) {
            return callTool.startsWith(ruleTool + "__");
        }
        return switch (ruleTool) {
            case "Edit" -> EDITING_TOOLS.contains(callTool);
            case "Read" -> READING_TOOLS.contains(callTool);
            case "Agent", "Task" -> AGENT_TOOLS.contains(callTool);
            default -> false;
        };
    }

    private static boolean bashMatches(CommandPattern pattern, PermissionOutcome outcome, ToolCallFacts call) {
        Optional<String> command = call.text("command");
        if (command.isEmpty()) {
            return false;
        }
        ShellCommand shell = ShellCommand.parse(command.get());
        return outcome == PermissionOutcome.ALLOW ? allows(pattern, shell) : catches(pattern, shell);
    }

    private static boolean allows(CommandPattern pattern, ShellCommand shell) {
        if (shell.hasSubstitution() || !shell.isComplete()) {
            return false;
        }
        boolean exactRuleForWholeLine =
                !pattern.hasWildcard() && pattern.pattern().equals(shell.whole());
        if (exactRuleForWholeLine) {
            return true;
        }
        List<String> commands = shell.simpleCommands();
        return !commands.isEmpty()
                && commands.stream()
                        .allMatch(command -> pattern.matches(command) && !hidesFindAction(pattern, command));
    }

    private static boolean catches(CommandPattern pattern, ShellCommand shell) {
        if (pattern.matches(shell.whole())) {
            return true;
        }
        return shell.simpleCommands().stream()
                .anyMatch(command ->
                        pattern.matches(command) || pattern.matches(ShellCommand.withoutAssignments(command)));
    }

    /** {@code find -exec rm …} runs another command; a wildcard rule for {@code find} did not mean to allow that. */
    private static boolean hidesFindAction(CommandPattern pattern, String command) {
        if (!pattern.hasWildcard() || !command.startsWith("find")) {
            return false;
        }
        List<String> words = Arrays.asList(command.split(" "));
        if (!words.get(0).equals("find")) {
            return false;
        }
        List<String> patternWords = Arrays.asList(pattern.pattern().split(" "));
        return words.stream().anyMatch(word -> FIND_ACTIONS.contains(word) && !patternWords.contains(word));
    }

    private static boolean pathMatches(String specifier, ToolCallFacts call) {
        Optional<List<String>> path = callPath(call);
        if (path.isEmpty()) {
            return false;
        }
        return PathPattern.anchored(specifier, call)
                .map(pattern -> pattern.matches(path.get()))
                .orElse(false);
    }

    private static Optional<List<String>> callPath(ToolCallFacts call) {
        return switch (call.tool()) {
            case "Glob" -> globRoot(call);
            case "Grep" -> PathPattern.resolve(call.text("path").orElse("."), call);
            case "NotebookEdit" ->
                call.firstText("notebook_path", "file_path", "path").flatMap(path -> PathPattern.resolve(path, call));
            default ->
                call.firstText("file_path", "path", "notebook_path").flatMap(path -> PathPattern.resolve(path, call));
        };
    }

    /**
     * The directory a Glob call reads: its {@code path} plus the part of its pattern before the first wildcard. Each
     * {@code ..} after the wildcard climbs one more level, since {@code *}/{@code ..} can lead back up; counting the
     * climbs and not the descents can only place the root too high, which no allow rule for a subtree will cover.
     */
    private static Optional<List<String>> globRoot(ToolCallFacts call) {
        Optional<List<String>> base = PathPattern.resolve(call.text("path").orElse("."), call);
        Optional<String> pattern = call.text("pattern");
        if (pattern.isEmpty()) {
            return base;
        }
        boolean absolute = pattern.get().startsWith("/");
        if (!absolute && base.isEmpty()) {
            return Optional.empty();
        }
        List<String> root = new ArrayList<>(absolute ? List.of() : base.get());
        boolean pastWildcard = false;
        for (String segment : pattern.get().split("/")) {
            pastWildcard = pastWildcard || segment.chars().anyMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0);
            if (!pastWildcard || segment.equals("..")) {
                root.add(segment);
            }
        }
        return Optional.of(PathPattern.normalise("/" + String.join("/", root)));
    }

    private static boolean webFetchMatches(RuleSpec rule, ToolCallFacts call) {
        String specifier = rule.specifier();
        if (!specifier.startsWith(DOMAIN_PREFIX)) {
            return fieldMatches(rule, call);
        }
        String domain = specifier.substring(DOMAIN_PREFIX.length());
        return call.text("url").map(url -> DomainPattern.matches(domain, url)).orElse(false);
    }

    private static boolean fieldMatches(RuleSpec rule, ToolCallFacts call) {
        Optional<RuleSpec.ParamValue> paramValue = rule.paramValue();
        if (paramValue.isPresent() && call.input().containsKey(paramValue.get().param())) {
            return textMatches(
                    paramValue.get().value(), call.text(paramValue.get().param()));
        }
        return textMatches(rule.specifier(), primaryField(call));
    }

    private static boolean textMatches(String pattern, Optional<String> text) {
        return text.map(value -> CommandPattern.of(pattern).matches(CommandPattern.normaliseWhitespace(value.strip())))
                .orElse(false);
    }

    private static Optional<String> primaryField(ToolCallFacts call) {
        return switch (call.tool()) {
            case "Agent", "Task" -> call.text("subagent_type");
            case "Skill" -> call.firstText("skill", "command");
            case "WebSearch" -> call.text("query");
            default -> call.firstText("command", "file_path", "path", "url", "query", "prompt");
        };
    }
}
