package dev.orchwiz.command.permission;

import dev.orchwiz.api.permission.PermissionError;
import dev.orchwiz.api.problem.RuleViolation;

/** A permission rule that is not valid Claude Code syntax, or one that Claude Code would refuse or ignore. */
public final class InvalidRuleSpec extends RuleViolation {

    /** Long rules are cut in the detail so that a 10 kB paste does not become a 10 kB error message. */
    private static final int QUOTED_LIMIT = 80;

    private final String problem;

    public InvalidRuleSpec(String text, String problem) {
        super(PermissionError.RULE_INVALID, "Rule " + quote(text) + " is not valid: " + problem);
        this.problem = problem;
    }

    /** What is wrong, without the rule text, e.g. {@code "the specifier misses its closing ')'"}. */
    public String problem() {
        return problem;
    }

    private static String quote(String text) {
        if (text == null) {
            return "(none)";
        }
        String shown = text.length() > QUOTED_LIMIT ? text.substring(0, QUOTED_LIMIT) + "…" : text;
        return "\"" + shown + "\"";
    }
}
