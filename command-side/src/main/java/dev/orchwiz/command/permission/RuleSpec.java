package dev.orchwiz.command.permission;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One permission rule in Claude Code syntax: {@code Tool} or {@code Tool(specifier)}.
 *
 * <p>The record is always canonical, so that two spellings of the same rule are equal and export back to Claude Code
 * the same way: {@code Tool(*)} becomes the bare {@code Tool} (Claude Code treats them alike since v2.1.20), {@code
 * mcp__server__*} becomes {@code mcp__server}, and whitespace around the specifier is dropped. The constructor also
 * refuses what Claude Code would refuse or silently ignore (a rule that is stored but never consulted is worse than a
 * clear error at the moment it is written). One exception: wildcards in {@code WebSearch(…)} are accepted and matched
 * against the query, although Claude Code reportedly refuses them (claude-code#26530); OrchWiz evaluates its rules
 * itself, and refusing would lose a rule users do write.
 */
public record RuleSpec(String tool, String specifier) {

    /** Rules are typed by people; anything longer is a paste accident, not a rule. */
    static final int MAX_LENGTH = 1000;

    static final String MCP_PREFIX = "mcp__";
    private static final String MCP_SEPARATOR = "__";
    private static final String LEGACY_PREFIX_SUFFIX = ":*";

    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern MCP_SERVER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern DOMAIN = Pattern.compile("\\*|(\\*\\.)?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern PARAM_VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*):(.*)", Pattern.DOTALL);

    /**
     * Claude Code (since v2.1.210) warns about and then ignores path specifiers on these tools; the rule that does work
     * is the one named here, whose path rules cover them.
     */
    private static final Map<String, String> PATH_RULES_LIVE_ON =
            Map.of("Write", "Edit", "MultiEdit", "Edit", "NotebookEdit", "Edit", "Glob", "Read", "Grep", "Read");

    public RuleSpec {
        String shown = shown(tool, specifier);
        if (shown.length() > MAX_LENGTH) {
            throw new InvalidRuleSpec(shown, "it is longer than " + MAX_LENGTH + " characters");
        }
        if (tool == null || tool.isBlank()) {
            throw new InvalidRuleSpec(shown, "the tool name is missing");
        }
        if (specifier != null) {
            specifier = specifier.strip();
            if (specifier.isEmpty()) {
                throw new InvalidRuleSpec(
                        shown, "the specifier is empty; write just " + tool + " to match every call of the tool");
            }
            if (specifier.equals("*")) {
                specifier = null;
            }
        }
        if (tool.startsWith(MCP_PREFIX)) {
            tool = canonicalMcpTool(tool, shown);
            if (specifier != null && isMcpServerName(tool)) {
                throw new InvalidRuleSpec(
                        shown, "a whole MCP server takes no specifier; name one tool, e.g. " + tool + "__<tool>(…)");
            }
        } else {
            checkToolName(tool, shown);
        }
        if (specifier != null) {
            checkSpecifier(tool, specifier, shown);
        }
    }

    /**
     * Reads a rule as written in Claude Code's settings, e.g. {@code Bash(npm run test:*)} or {@code mcp__github}.
     * Surrounding whitespace is ignored; everything else that is wrong throws {@link InvalidRuleSpec} naming the
     * problem.
     */
    public static RuleSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRuleSpec(text, "the rule is blank");
        }
        String rule = text.strip();
        if (rule.length() > MAX_LENGTH) {
            throw new InvalidRuleSpec(rule, "it is longer than " + MAX_LENGTH + " characters");
        }
        int open = rule.indexOf('(');
        if (open < 0) {
            if (rule.indexOf(')') >= 0) {
                throw new InvalidRuleSpec(rule, "it has a ')' without a '('");
            }
            return new RuleSpec(rule, null);
        }
        if (open == 0) {
            throw new InvalidRuleSpec(rule, "the tool name before '(' is missing");
        }
        int close = rule.lastIndexOf(')');
        if (close < open) {
            throw new InvalidRuleSpec(rule, "the specifier misses its closing ')'");
        }
        if (close != rule.length() - 1) {
            throw new InvalidRuleSpec(rule, "there is text after the closing ')'");
        }
        return new RuleSpec(rule.substring(0, open), rule.substring(open + 1, close));
    }

    /** The canonical Claude Code text, e.g. {@code Bash(npm run test:*)}; {@link #parse} reads it back unchanged. */
    public String text() {
        return specifier == null ? tool : tool + "(" + specifier + ")";
    }

    @Override
    public String toString() {
        return text();
    }

    /** Whether this is a whole-server MCP rule ({@code mcp__github}), which covers every tool of that server. */
    boolean isMcpServer() {
        return tool.startsWith(MCP_PREFIX) && isMcpServerName(tool);
    }

    private static boolean isMcpServerName(String mcpTool) {
        return !mcpTool.substring(MCP_PREFIX.length()).contains(MCP_SEPARATOR);
    }

    private static String canonicalMcpTool(String tool, String shown) {
        String rest = tool.substring(MCP_PREFIX.length());
        int separator = rest.indexOf(MCP_SEPARATOR);
        String server = separator < 0 ? rest : rest.substring(0, separator);
        if (server.isEmpty()) {
            throw new InvalidRuleSpec(shown, "it names no MCP server after mcp__");
        }
        if (server.contains("*")) {
            throw new InvalidRuleSpec(shown, "MCP server names take no wildcards; name the server, e.g. mcp__github");
        }
        if (!MCP_SERVER.matcher(server).matches()) {
            throw new InvalidRuleSpec(shown, "\"" + server + "\" is not an MCP server name");
        }
        if (separator < 0) {
            return tool;
        }
        String serverTool = rest.substring(separator + MCP_SEPARATOR.length());
        if (serverTool.equals("*")) {
            return MCP_PREFIX + server;
        }
        if (serverTool.isEmpty()) {
            throw new InvalidRuleSpec(shown, "it names no tool after mcp__" + server + "__");
        }
        if (serverTool.contains("*")) {
            // claude-code#66251: partial globs are refused, so OrchWiz refuses them too instead of guessing a meaning.
            throw new InvalidRuleSpec(
                    shown,
                    "Claude Code rejects partial MCP globs; name one tool or the whole server (mcp__" + server + ")");
        }
        if (!TOOL_NAME.matcher(serverTool).matches()
                && !MCP_SERVER.matcher(serverTool).matches()) {
            throw new InvalidRuleSpec(shown, "\"" + serverTool + "\" is not an MCP tool name");
        }
        return tool;
    }

    private static void checkToolName(String tool, String shown) {
        if (TOOL_NAME.matcher(tool).matches()) {
            return;
        }
        if (tool.contains("*")) {
            throw new InvalidRuleSpec(
                    shown, "tool names take no wildcards (only mcp__server__* does, meaning the whole server)");
        }
        if (!tool.strip().equals(tool) || tool.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidRuleSpec(shown, "the tool name contains whitespace");
        }
        throw new InvalidRuleSpec(
                shown, "\"" + tool + "\" is not a tool name (letters, digits, '_' and '-', starting with a letter)");
    }

    private static void checkSpecifier(String tool, String specifier, String shown) {
        if (specifier.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidRuleSpec(shown, "the specifier contains a line break or another control character");
        }
        checkParentheses(specifier, tool.equals("Bash"), shown);
        String liveOn = PATH_RULES_LIVE_ON.get(tool);
        if (liveOn != null) {
            throw new InvalidRuleSpec(
                    shown,
                    "Claude Code ignores specifiers on " + tool + "; write " + liveOn + "(…), whose rules also cover "
                            + tool);
        }
        if (tool.equals("Bash") && specifier.endsWith(LEGACY_PREFIX_SUFFIX)) {
            String prefix = specifier.substring(0, specifier.length() - LEGACY_PREFIX_SUFFIX.length());
            if (prefix.isBlank()) {
                throw new InvalidRuleSpec(shown, "the legacy ':*' needs a command before it, e.g. Bash(npm run:*)");
            }
        }
        if (tool.equals("WebFetch")) {
            checkWebFetch(specifier, shown);
        }
    }

    private static void checkWebFetch(String specifier, String shown) {
        if (specifier.startsWith("domain:")) {
            if (!DOMAIN.matcher(specifier.substring("domain:".length())).matches()) {
                throw new InvalidRuleSpec(
                        shown, "domain: takes a host name, optionally starting with '*.', e.g. domain:*.example.com");
            }
            return;
        }
        if (!PARAM_VALUE.matcher(specifier).matches()) {
            throw new InvalidRuleSpec(shown, "WebFetch rules take domain:<host>, e.g. WebFetch(domain:example.com)");
        }
    }

    /**
     * Parentheses inside the specifier must pair up, otherwise {@code Bash(ls))} would silently mean something else
     * than its author typed. In Bash rules quoted parentheses do not count ({@code Bash(echo ")")} is fine).
     */
    private static void checkParentheses(String specifier, boolean shellQuoting, String shown) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < specifier.length(); i++) {
            char c = specifier.charAt(i);
            if (shellQuoting && quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
            } else if (shellQuoting && (c == '\'' || c == '"')) {
                quote = c;
            } else if (shellQuoting && c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new InvalidRuleSpec(shown, "the specifier has a ')' without a matching '('");
                }
            }
        }
        if (depth > 0) {
            throw new InvalidRuleSpec(shown, "the specifier has a '(' without a matching ')'");
        }
    }

    /** The rule as its author wrote it, for error messages (before canonicalisation, which may be what failed). */
    private static String shown(String tool, String specifier) {
        String name = tool == null ? "" : tool;
        return specifier == null ? name : name + "(" + specifier + ")";
    }

    /** The {@code param:value} reading of the specifier ({@code Agent(model:opus)}), if it has that form. */
    Optional<ParamValue> paramValue() {
        if (specifier == null) {
            return Optional.empty();
        }
        var matcher = PARAM_VALUE.matcher(specifier);
        return matcher.matches() ? Optional.of(new ParamValue(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** A specifier of the form {@code param:value}: the input field to look at and the pattern for its value. */
    record ParamValue(String param, String value) {}
}
