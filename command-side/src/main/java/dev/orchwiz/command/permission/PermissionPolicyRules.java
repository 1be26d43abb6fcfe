package dev.orchwiz.command.permission;

import dev.orchwiz.api.permission.BuiltInPolicy;
import dev.orchwiz.api.permission.PermissionError;
import dev.orchwiz.api.permission.PermissionPolicyDefinition;
import dev.orchwiz.api.permission.PermissionPolicyRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a valid user-written policy is: one place for the limits the API documents. Every rule is parsed exactly as a
 * stored rule is ({@link RuleSpec#parse}), and kept in its canonical spelling so that the policy exports and matches
 * like one.
 */
final class PermissionPolicyRules {

    /** Lowercase words joined by single hyphens, like the built-in slugs. */
    static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    static final int SLUG_LENGTH = 64;
    static final int TITLE = 100;
    static final int DESCRIPTION = 1_000;
    static final int RULES = 200;

    private PermissionPolicyRules() {}

    /** The slug as stored, or a refusal naming what is wrong with it; built-in slugs are never anyone's. */
    static String slug(String slug) {
        String trimmed = slug == null ? "" : slug.trim();
        if (trimmed.length() > SLUG_LENGTH || !SLUG.matcher(trimmed).matches()) {
            throw invalid("slug must be 1-" + SLUG_LENGTH
                    + " characters of lowercase letters and digits in words joined by '-', e.g. no-network");
        }
        if (BuiltInPolicy.bySlug(trimmed).isPresent()) {
            throw new PermissionRefusal(
                    PermissionError.POLICY_SLUG_TAKEN, trimmed + " is a built-in policy; choose another slug");
        }
        return trimmed;
    }

    /** The definition as stored: trimmed text, the slug as title when none is given, canonical rules. */
    static PermissionPolicyDefinition normalised(String slug, PermissionPolicyDefinition definition) {
        if (definition == null) {
            throw invalid("A policy needs a title, a description or rules");
        }
        String title = blankToNull(definition.title());
        if (title != null && title.length() > TITLE) {
            throw invalid("title must be at most " + TITLE + " characters");
        }
        String description = blankToNull(definition.description());
        if (description != null && description.length() > DESCRIPTION) {
            throw invalid("description must be at most " + DESCRIPTION + " characters");
        }
        return new PermissionPolicyDefinition(title == null ? slug : title, description, rules(definition.rules()));
    }

    private static List<PermissionPolicyRule> rules(List<PermissionPolicyRule> rules) {
        if (rules == null) {
            return List.of();
        }
        if (rules.size() > RULES) {
            throw invalid("a policy has at most " + RULES + " rules");
        }
        List<PermissionPolicyRule> canonical = new ArrayList<>(rules.size());
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < rules.size(); index++) {
            PermissionPolicyRule rule = rules.get(index);
            String at = "rules[" + index + "]: ";
            if (rule == null) {
                throw new PermissionRefusal(PermissionError.RULE_INVALID, at + "a rule needs rule and outcome");
            }
            if (rule.outcome() == null) {
                throw new PermissionRefusal(PermissionError.RULE_INVALID, at + "outcome must be allow, ask or deny");
            }
            RuleSpec spec;
            try {
                spec = RuleSpec.parse(rule.rule());
            } catch (InvalidRuleSpec invalid) {
                throw new PermissionRefusal(PermissionError.RULE_INVALID, at + invalid.getMessage());
            }
            // One rule with two outcomes would only ever act as the stronger one: say so instead of keeping both.
            if (!seen.add(spec.text())) {
                throw invalid(at + spec.text() + " is listed twice");
            }
            canonical.add(new PermissionPolicyRule(spec.text(), rule.outcome()));
        }
        return List.copyOf(canonical);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static PermissionRefusal invalid(String detail) {
        return new PermissionRefusal(PermissionError.POLICY_INVALID, detail);
    }
}
