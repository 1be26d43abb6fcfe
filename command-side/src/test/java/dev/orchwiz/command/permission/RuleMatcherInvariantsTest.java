package dev.orchwiz.command.permission;

import static dev.orchwiz.api.toolcall.PermissionOutcome.ALLOW;
import static dev.orchwiz.api.toolcall.PermissionOutcome.ASK;
import static dev.orchwiz.api.toolcall.PermissionOutcome.DENY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Invariants over many generated command lines; the seed is fixed so that a failure can be replayed. */
class RuleMatcherInvariantsTest {

    private static final long SEED = 20261124L;
    private static final int RUNS = 2_000;
    private static final List<String> WORDS =
            List.of("x", "y", "ls", "rm", "-rf", "/", "git", "push", "'a b'", "\"c && d\"", "$HOME", "x1", "*");
    private static final List<String> OPERATORS = List.of(" && ", " || ", "; ", " | ", " & ", "\n");
    private static final String SHELL_CHARACTERS = "ab x;&|()<>'\"`$\\\n*{}!#=-";

    private final Random random = new Random(SEED);

    @Test
    void anAllowRuleNeverPassesAChainedCommandItDoesNotCover() {
        RuleSpec allowX = RuleSpec.parse("Bash(x *)");
        for (int run = 0; run < RUNS; run++) {
            String other = pick(List.of("y", "rm", "git", "xx", "ls")) + words(random.nextInt(3));
            String line = "x" + words(random.nextInt(3)) + pick(OPERATORS) + other;

            assertThat(RuleMatcher.matches(allowX, ALLOW, bash(line))).as(line).isFalse();
        }
    }

    @Test
    void whateverAnAllowRuleMatchesADenyRuleOfTheSameTextMatchesToo() {
        int allowed = 0;
        for (int run = 0; run < RUNS; run++) {
            String first = pick(WORDS);
            RuleSpec rule = RuleSpec.parse(
                    "Bash(" + first + words(random.nextInt(2)) + pick(List.of("", " *", ":*", "*")) + ")");
            ToolCallFacts call = bash(commandLineMostlyStartingWith(first));

            if (RuleMatcher.matches(rule, ALLOW, call)) {
                allowed++;
                assertThat(RuleMatcher.matches(rule, DENY, call))
                        .as("%s on %s", rule, call.input())
                        .isTrue();
                assertThat(RuleMatcher.matches(rule, ASK, call))
                        .as("%s on %s", rule, call.input())
                        .isTrue();
            }
        }
        assertThat(allowed).as("generated lines an allow rule matched").isGreaterThan(RUNS / 20);
    }

    @Test
    void appendingADeniedCommandAlwaysTriggersTheDeny() {
        RuleSpec deny = RuleSpec.parse("Bash(rm -rf *)");
        for (int run = 0; run < RUNS; run++) {
            String line = commandLine() + pick(OPERATORS) + "rm -rf /";

            assertThat(RuleMatcher.matches(deny, DENY, bash(line))).as(line).isTrue();
        }
    }

    @Test
    void neverThrowsOnRandomShellText() {
        List<RuleSpec> rules = List.of(
                RuleSpec.parse("Bash(x *)"), RuleSpec.parse("Bash(rm -rf *)"), RuleSpec.parse("Bash(:(){ :|:& };:)"));
        for (int run = 0; run < RUNS; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(SHELL_CHARACTERS.charAt(random.nextInt(SHELL_CHARACTERS.length())));
            }
            ToolCallFacts call = bash(text.toString());

            for (RuleSpec rule : rules) {
                assertThatCode(() -> {
                            RuleMatcher.matches(rule, ALLOW, call);
                            RuleMatcher.matches(rule, DENY, call);
                        })
                        .as(text.toString())
                        .doesNotThrowAnyException();
            }
        }
    }

    /** Simple commands that mostly start with the same word, so that allow rules for that word often match. */
    private String commandLineMostlyStartingWith(String first) {
        StringBuilder line = new StringBuilder(first + words(random.nextInt(3)));
        for (int i = random.nextInt(3); i > 0; i--) {
            String next = random.nextInt(4) == 0 ? pick(WORDS) : first;
            line.append(pick(OPERATORS)).append(next).append(words(random.nextInt(3)));
        }
        return line.toString();
    }

    private String commandLine() {
        StringBuilder line = new StringBuilder(pick(WORDS) + words(random.nextInt(3)));
        for (int i = random.nextInt(3); i > 0; i--) {
            line.append(pick(OPERATORS)).append(pick(WORDS)).append(words(random.nextInt(3)));
        }
        return line.toString();
    }

    private String words(int count) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            words.append(' ').append(pick(WORDS));
        }
        return words.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static ToolCallFacts bash(String command) {
        return new ToolCallFacts("Bash", Map.of("command", command), "/work/proj", "/work/proj", "/home/ada");
    }
}
