package dev.orchwiz.command.claudecode;

import static dev.orchwiz.command.claudecode.Fixtures.changedLines;
import static dev.orchwiz.command.claudecode.Fixtures.claudePath;
import static dev.orchwiz.command.claudecode.Fixtures.crlf;
import static dev.orchwiz.command.claudecode.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentFileTest {

    private static AgentFile fixture(String resource) {
        return AgentFile.parse(claudePath(resource), read(resource));
    }

    @ParameterizedTest
    @ValueSource(strings = {"agents/code-reviewer.md", "agents/security-auditor.md"})
    void rendersAnUnchangedFileByteForByte(String resource) {
        // given
        String content = read(resource);

        // when / then
        assertThat(AgentFile.parse(claudePath(resource), content).render()).isEqualTo(content);
        assertThat(AgentFile.parse(claudePath(resource), crlf(content)).render())
                .isEqualTo(crlf(content));
    }

    @Test
    void readsAMinimalAgent() {
        // when
        AgentFile reviewer = fixture("agents/code-reviewer.md");

        // then
        assertThat(reviewer.name()).isEqualTo("code-reviewer");
        assertThat(reviewer.description()).startsWith("Reviews code for bugs");
        assertThat(reviewer.tools()).isNull();
        assertThat(reviewer.model()).isNull();
        assertThat(reviewer.prompt())
                .isEqualTo("You are a senior code reviewer. Read the diff, then report findings"
                        + " ordered by severity.\nNever edit files yourself.\n");
    }

    @Test
    void readsAnAgentWithNestedSettingsAndKeepsThemForExport() {
        // when
        AgentFile auditor = fixture("agents/security-auditor.md");

        // then
        assertThat(auditor.name()).isEqualTo("security-auditor");
        assertThat(auditor.tools()).containsExactly("Read", "Grep", "Glob", "Bash(git log:*)", "Agent(explorer)");
        assertThat(auditor.model()).isEqualTo("opus");
        assertThat(auditor.prompt()).startsWith("\nYou are a security auditor.");
        Frontmatter frontmatter = auditor.frontmatter();
        assertThat(frontmatter.value("maxTurns")).contains(20);
        assertThat(frontmatter.value("skills")).contains(List.of("security-check", "threat-model"));
        assertThat(frontmatter.value("mcpServers").orElseThrow())
                .isEqualTo(List.of(
                        "github",
                        Map.of(
                                "semgrep",
                                Map.of(
                                        "command", "semgrep-mcp",
                                        "args", List.of("--config", "auto"),
                                        "env", Map.of("SEMGREP_APP_TOKEN", "${SEMGREP_APP_TOKEN}")))));
        assertThat(frontmatter.rawEntries().get("hooks")).contains("# Findings without a location");
        assertThat(frontmatter.value("color")).contains("red");
        assertThat(frontmatter.rawEntries()).containsEntry("color", " red # UI only");
    }

    @Test
    void changingToolsRewritesOnlyTheToolsLineAndKeepsItACommaString() {
        // given
        AgentFile auditor = fixture("agents/security-auditor.md");

        // when
        AgentFile changed = auditor.withFields(
                auditor.name(), auditor.description(), List.of("Read", "Grep"), auditor.model(), auditor.prompt());

        // then
        assertThat(changedLines(auditor.render(), changed.render())).containsExactly("tools: Read, Grep");
    }

    @Test
    void renamingRewritesOnlyTheNameLine() {
        // given
        AgentFile reviewer = fixture("agents/code-reviewer.md");

        // when
        AgentFile renamed = reviewer.withFields(
                "strict-reviewer", reviewer.description(), reviewer.tools(), reviewer.model(), reviewer.prompt());

        // then
        assertThat(changedLines(reviewer.render(), renamed.render())).containsExactly("name: strict-reviewer");
        assertThat(renamed.name()).isEqualTo("strict-reviewer");
    }

    @Test
    void unknownKeysSurviveAChangeOfEveryField() {
        // given
        AgentFile auditor = fixture("agents/security-auditor.md");

        // when
        AgentFile changed = auditor.withFields("auditor", "Audits security.", List.of("Read"), "inherit", "Audit.\n");
        AgentFile reread = AgentFile.parse(".claude/agents/auditor.md", changed.render());

        // then
        assertThat(reread.name()).isEqualTo("auditor");
        assertThat(reread.description()).isEqualTo("Audits security.");
        assertThat(reread.tools()).containsExactly("Read");
        assertThat(reread.model()).isEqualTo("inherit");
        assertThat(reread.prompt()).isEqualTo("Audit.\n");
        auditor.frontmatter().rawEntries().forEach((key, raw) -> {
            if (!AgentFile.KNOWN_KEYS.contains(key)) {
                assertThat(reread.frontmatter().rawEntries()).containsEntry(key, raw);
            }
        });
    }

    @Test
    void takesTheNameFromTheFileNameWhenTheFrontmatterHasNone() {
        // when
        AgentFile agent =
                AgentFile.parse(".claude/agents/test-runner.md", "---\ndescription: Runs tests.\n---\nRun.\n");

        // then
        assertThat(agent.name()).isEqualTo("test-runner");
    }

    @Test
    void addsTheRequiredNameWhenRenderingAFileThatHadNone() {
        // given
        AgentFile agent =
                AgentFile.parse(".claude/agents/test-runner.md", "---\ndescription: Runs tests.\n---\nRun.\n");

        // when / then
        assertThat(agent.render()).isEqualTo("---\ndescription: Runs tests.\nname: test-runner\n---\nRun.\n");
    }

    @Test
    void rendersAnAgentBuiltFromFieldsAlone() {
        // given
        AgentFile agent = new AgentFile("planner", "Plans work.", List.of("Read", "Grep"), "opus", "Plan.\n", null);

        // when / then
        assertThat(agent.render())
                .isEqualTo(
                        "---\nname: planner\ndescription: Plans work.\ntools: Read, Grep\nmodel: opus\n---\nPlan.\n");
    }

    @Test
    void refusesAnAgentWithoutNameOrPath() {
        assertThatThrownBy(() -> AgentFile.parse(null, "---\ndescription: x\n---\n"))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessageContaining("needs a path");
    }
}
