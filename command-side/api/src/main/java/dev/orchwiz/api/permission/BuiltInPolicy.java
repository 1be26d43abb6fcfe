package dev.orchwiz.api.permission;

import static dev.orchwiz.api.toolcall.PermissionOutcome.ALLOW;
import static dev.orchwiz.api.toolcall.PermissionOutcome.ASK;
import static dev.orchwiz.api.toolcall.PermissionOutcome.DENY;

import dev.orchwiz.api.toolcall.PermissionOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The policies every node ships with, as data every side reads (the command side parses their rules once, in
 * {@code BuiltInRules}; the query side lists them beside the owner's own). A policy is a named list of rules assigned to subagents; its rules rank with the
 * other candidates as a policy source.
 *
 * <p>Neither {@code safe-core} nor {@code read-only} has a catch-all {@code ask Bash}: since ask beats allow, it would
 * overrule the policy's own allow rules ({@code ls -la} would ask). "Everything else asks" comes instead from the
 * evaluator's default (no match asks), which also leaves room for a user's or session's own allow rules. {@code
 * hardened} does ask for every Bash and Edit call on purpose: it has no allow rules to overrule, and there the point is
 * that no broader allow elsewhere can make such a call run unasked.
 */
public enum BuiltInPolicy {
    SAFE_CORE(
            "safe-core",
            "Safe core",
            "Denies destructive shell commands, allows harmless reads, asks for everything else.",
            rules(
                    DENY,
                    "Bash(rm -rf *)",
                    "Bash(sudo *)",
                    "Bash(mkfs*)",
                    "Bash(dd *)",
                    "Bash(shutdown*)",
                    "Bash(reboot*)",
                    "Bash(poweroff*)",
                    "Bash(:(){ :|:& };:)"),
            rules(
                    ALLOW,
                    "Bash(ls *)",
                    "Bash(cat *)",
                    "Bash(pwd)",
                    "Bash(git status*)",
                    "Bash(git diff *)",
                    "Bash(npm run build)",
                    "Bash(npm test*)",
                    "Read",
                    "Glob",
                    "Grep")),
    READ_ONLY(
            "read-only",
            "Read only",
            "Reads files and runs read-only shell commands; never edits files; other shell commands ask.",
            rules(DENY, "Edit", "Write", "MultiEdit", "NotebookEdit"),
            rules(
                    ALLOW,
                    "Read",
                    "Glob",
                    "Grep",
                    "Bash(ls *)",
                    "Bash(cat *)",
                    "Bash(git status*)",
                    "Bash(git diff *)",
                    "Bash(git log *)")),
    HARDENED(
            "hardened",
            "Hardened",
            "Denies network tools, pushes and secret files; asks for every shell command and edit.",
            rules(
                    DENY,
                    "Bash(curl *)",
                    "Bash(wget *)",
                    "Bash(ssh *)",
                    "Bash(scp *)",
                    "Bash(git push*)",
                    "Read(./.env)",
                    "Read(./.env.*)",
                    "Read(./secrets/**)",
                    "Read(~/.ssh/**)",
                    "Read(~/.aws/**)",
                    "WebFetch"),
            rules(ASK, "Bash", "Edit"));

    private final String slug;
    private final String title;
    private final String description;
    private final List<PermissionPolicyRule> rules;

    @SafeVarargs
    BuiltInPolicy(String slug, String title, String description, List<PermissionPolicyRule>... groups) {
        this.slug = slug;
        this.title = title;
        this.description = description;
        List<PermissionPolicyRule> all = new ArrayList<>();
        Arrays.stream(groups).forEach(all::addAll);
        this.rules = List.copyOf(all);
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The rules in their policy order: denies, then asks, then allows, as a settings file lists them. */
    public List<PermissionPolicyRule> rules() {
        return rules;
    }

    public static Optional<BuiltInPolicy> bySlug(String slug) {
        return Arrays.stream(values())
                .filter(policy -> policy.slug.equals(slug))
                .findFirst();
    }

    private static List<PermissionPolicyRule> rules(PermissionOutcome outcome, String... texts) {
        return Arrays.stream(texts)
                .map(text -> new PermissionPolicyRule(text, outcome))
                .toList();
    }
}
