package dev.orchwiz.command.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchwiz.api.permission.PermissionError;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RuleSpecTest {

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource(delimiterString = " => ", textBlock = """
            Bash                                   => Bash
            Bash(*)                                => Bash
            'Bash( * )'                            => Bash
            '  Bash(npm run test:*)  '             => Bash(npm run test:*)
            'Bash(  ls * )'                        => Bash(ls *)
            Bash(git * main)                       => Bash(git * main)
            Bash(echo ")")                         => Bash(echo ")")
            Bash(:(){ :|:& };:)                    => Bash(:(){ :|:& };:)
            Read(./secrets/**)                     => Read(./secrets/**)
            Read(~/.zshrc)                         => Read(~/.zshrc)
            Read(//etc/passwd)                     => Read(//etc/passwd)
            Edit(/docs/**)                         => Edit(/docs/**)
            Read(*)                                => Read
            WebFetch(domain:example.com)           => WebFetch(domain:example.com)
            WebFetch(domain:*.example.com)         => WebFetch(domain:*.example.com)
            WebFetch(url:https://x.test/*)         => WebFetch(url:https://x.test/*)
            mcp__github                            => mcp__github
            mcp__github__*                         => mcp__github
            mcp__github__create_issue              => mcp__github__create_issue
            mcp__claude-ai__search                 => mcp__claude-ai__search
            mcp__db__query(sql:SELECT *)           => mcp__db__query(sql:SELECT *)
            Agent(model:opus)                      => Agent(model:opus)
            Task(explorer)                         => Task(explorer)
            Skill(deploy *)                        => Skill(deploy *)
            WebSearch                              => WebSearch
            NotebookEdit                           => NotebookEdit
            """)
    void readsValidRulesIntoTheirCanonicalText(String text, String canonical) {
        RuleSpec spec = RuleSpec.parse(text);

        assertThat(spec.text()).isEqualTo(canonical);
        assertThat(spec.toString()).isEqualTo(canonical);
        assertThat(RuleSpec.parse(spec.text())).isEqualTo(spec);
    }

    @Test
    void splitsToolAndSpecifier() {
        assertThat(RuleSpec.parse("Bash(npm run test:*)")).isEqualTo(new RuleSpec("Bash", "npm run test:*"));
        assertThat(RuleSpec.parse("Read")).isEqualTo(new RuleSpec("Read", null));
        assertThat(RuleSpec.parse("Bash(*)").specifier()).isNull();
        assertThat(RuleSpec.parse("mcp__github__*").tool()).isEqualTo("mcp__github");
    }

    @Test
    void canonicalisesWhenBuiltDirectlyToo() {
        assertThat(new RuleSpec("Bash", "*")).isEqualTo(RuleSpec.parse("Bash"));
        assertThat(new RuleSpec("mcp__github__*", null)).isEqualTo(RuleSpec.parse("mcp__github"));
        assertThat(new RuleSpec("Bash", " ls * ")).isEqualTo(RuleSpec.parse("Bash(ls *)"));
        assertThatThrownBy(() -> new RuleSpec("Bash", "")).isInstanceOf(InvalidRuleSpec.class);
        assertThatThrownBy(() -> new RuleSpec(null, null)).isInstanceOf(InvalidRuleSpec.class);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidRules")
    void refusesInvalidRulesSayingWhatIsWrong(String text, String problem) {
        assertThatThrownBy(() -> RuleSpec.parse(text)).isInstanceOfSatisfying(InvalidRuleSpec.class, invalid -> {
            assertThat(invalid.errorCode()).isEqualTo(PermissionError.RULE_INVALID);
            assertThat(invalid.problem()).contains(problem);
            assertThat(invalid.getMessage()).startsWith("Rule ").contains(problem);
        });
    }

    static Stream<Arguments> invalidRules() {
        return Stream.of(
                Arguments.of(null, "blank"),
                Arguments.of("", "blank"),
                Arguments.of("   ", "blank"),
                Arguments.of("Bash(", "closing ')'"),
                Arguments.of("Bash(ls", "closing ')'"),
                Arguments.of("Bash(ls))", "')' without a matching '('"),
                Arguments.of("Bash((ls)", "'(' without a matching ')'"),
                Arguments.of("Read(./a)(b)", "')' without a matching '('"),
                Arguments.of("Bash)", "')' without a '('"),
                Arguments.of("Bash(ls)x", "text after the closing ')'"),
                Arguments.of("(ls)", "tool name before '(' is missing"),
                Arguments.of("Bash()", "specifier is empty"),
                Arguments.of("Bash(   )", "specifier is empty"),
                Arguments.of("Ba sh", "whitespace"),
                Arguments.of("Bash (ls)", "whitespace"),
                Arguments.of("Bash*", "no wildcards"),
                Arguments.of("*", "no wildcards"),
                Arguments.of("1Bash", "is not a tool name"),
                Arguments.of("Bäsh", "is not a tool name"),
                Arguments.of("Bash.exe", "is not a tool name"),
                Arguments.of("mcp__", "no MCP server"),
                Arguments.of("mcp__*", "MCP server names take no wildcards"),
                Arguments.of("mcp__git*__list", "MCP server names take no wildcards"),
                Arguments.of("mcp__github__list_*", "Claude Code rejects partial MCP globs"),
                Arguments.of("mcp__github__*_repo", "Claude Code rejects partial MCP globs"),
                Arguments.of("mcp__github__", "no tool after mcp__github__"),
                Arguments.of("mcp__github(create_issue)", "whole MCP server takes no specifier"),
                Arguments.of("mcp__github__*(x)", "whole MCP server takes no specifier"),
                Arguments.of("Write(./notes/**)", "write Edit(…)"),
                Arguments.of("NotebookEdit(./nb/**)", "write Edit(…)"),
                Arguments.of("Glob(./src/**)", "write Read(…)"),
                Arguments.of("WebFetch(example.com)", "WebFetch rules take domain:<host>"),
                Arguments.of("WebFetch(domain:)", "domain: takes a host name"),
                Arguments.of("WebFetch(domain:exa*mple.com)", "domain: takes a host name"),
                Arguments.of("WebFetch(domain:https://example.com)", "domain: takes a host name"),
                Arguments.of("Bash(:*)", "legacy ':*' needs a command"),
                Arguments.of("Bash(ls\nrm)", "line break"),
                Arguments.of("Bash(" + "x".repeat(1000) + ")", "longer than 1000 characters"));
    }

    @Test
    void acceptsARuleOfExactlyTheMaximumLength() {
        String text = "Bash(" + "x".repeat(RuleSpec.MAX_LENGTH - "Bash()".length()) + ")";

        assertThat(RuleSpec.parse(text).text()).hasSize(RuleSpec.MAX_LENGTH);
    }

    @Test
    void quotesOnlyTheStartOfAVeryLongRuleInTheDetail() {
        assertThatThrownBy(() -> RuleSpec.parse("Bash(" + "x".repeat(5000) + ")"))
                .hasMessageContaining("…")
                .satisfies(invalid -> assertThat(invalid.getMessage()).hasSizeLessThan(200));
    }
}
