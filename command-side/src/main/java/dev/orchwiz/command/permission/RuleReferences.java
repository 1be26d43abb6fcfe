package dev.orchwiz.command.permission;

import dev.orchwiz.api.toolcall.RuleRef;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Converts between rules as messages carry them ({@link RuleRef}) and as the evaluator takes them. */
public final class RuleReferences {

    private RuleReferences() {}

    public static List<CandidateRule> candidates(List<RuleRef> references) {
        return references == null
                ? List.of()
                : references.stream().map(RuleReferences::candidate).toList();
    }

    public static CandidateRule candidate(RuleRef reference) {
        return new CandidateRule(
                reference.ruleId() == null ? null : UUID.fromString(reference.ruleId()),
                RuleSpec.parse(reference.rule()),
                reference.outcome(),
                RuleSource.valueOf(reference.source().toUpperCase(Locale.ROOT)),
                reference.policy(),
                reference.priority(),
                reference.order());
    }

    public static RuleRef reference(CandidateRule rule) {
        if (rule == null) {
            return null;
        }
        return new RuleRef(
                rule.ruleId() == null ? null : rule.ruleId().toString(),
                rule.spec().text(),
                rule.outcome(),
                rule.source().name().toLowerCase(Locale.ROOT),
                rule.policy(),
                rule.priority(),
                rule.order());
    }
}
