package dev.orchwiz.command.claudecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontmatterTest {

    private static Frontmatter frontmatterOf(String content) {
        return MarkdownFile.parse("test.md", content).frontmatter();
    }

    @Test
    void storesEachValueWithoutTheSpaceAfterItsKeyAsYamlReadsIt() {
        // given
        String content = "---\n# models\nmodel: sonnet\ncolor: red # UI only\ntools:\n- Read\n"
                + "odd:  two spaces\ntab:\tx\nempty:\ntrailing: \n---\nbody\n";

        // when
        Frontmatter frontmatter = frontmatterOf(content);

        // then the common `key: value` is stored as its value; unusual layout stays, so nothing is lost
        assertThat(frontmatter.storedEntries())
                .containsExactly(
                        Map.entry("#1", "# models"),
                        Map.entry("model", "sonnet"),
                        Map.entry("color", "red # UI only"),
                        Map.entry("tools", "\n- Read"),
                        Map.entry("odd", "  two spaces"),
                        Map.entry("tab", "\tx"),
                        Map.entry("empty", ""),
                        Map.entry("trailing", " "));
        assertThat(Frontmatter.ofStored(frontmatter.storedEntries()).render()).isEqualTo(frontmatter.render());
        assertThat(Frontmatter.ofStored(frontmatter.storedEntries()).value("model"))
                .contains("sonnet");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "agents/security-auditor.md",
                "agents/code-reviewer.md",
                "commands/deploy.md",
                "commands/summarize.md",
                "commands/git/commit.md",
                "commands/review-pr.md"
            })
    void rendersEveryFixtureBackByteForByteFromItsStoredEntries(String fixture) {
        // given
        String content = Fixtures.read(fixture);
        Frontmatter parsed = frontmatterOf(content);

        // when
        Frontmatter rebuilt = Frontmatter.ofStored(parsed.storedEntries());

        // then
        assertThat(rebuilt.render()).isEqualTo(parsed.render());
        assertThat(content).startsWith(rebuilt.render());
        assertThat(Frontmatter.ofStored(parsed.storedEntries()).storedEntries()).isEqualTo(parsed.storedEntries());
        parsed.storedEntries().forEach((key, text) -> {
            if (!Frontmatter.isCommentKey(key) && !text.isEmpty() && !text.startsWith("\n")) {
                assertThat(text).as(key).doesNotStartWith(" ");
            }
        });
    }

    @Test
    void keepsCommentsAndBlankLinesAsEntriesOfTheirOwn() {
        // given
        String content = "---\n# about\ndescription: x\n\n# why\nmodel: opus\n---\nbody\n";

        // when
        Frontmatter frontmatter = frontmatterOf(content);

        // then
        assertThat(frontmatter.rawEntries())
                .containsExactly(
                        Map.entry("#1", "# about"),
                        Map.entry("description", " x"),
                        Map.entry("#2", "\n# why"),
                        Map.entry("model", " opus"));
        assertThat(Frontmatter.isCommentKey("#2")).isTrue();
        assertThat(frontmatter.render()).isEqualTo("---\n# about\ndescription: x\n\n# why\nmodel: opus\n---\n");
    }

    @Test
    void keepsContinuationLinesInTheRawTextOfTheirKey() {
        // given
        String content = "---\ntools:\n- Read\n- Grep\nhooks:\n  Stop:\n\n    - hooks: []\nmodel: opus\n---\n";

        // when
        Frontmatter frontmatter = frontmatterOf(content);

        // then
        assertThat(frontmatter.rawEntries())
                .containsEntry("tools", "\n- Read\n- Grep")
                .containsEntry("hooks", "\n  Stop:\n\n    - hooks: []");
        assertThat(frontmatter.value("tools")).contains(List.of("Read", "Grep"));
        assertThat(frontmatter.value("hooks")).contains(Map.of("Stop", List.of(Map.of("hooks", List.of()))));
    }

    @Test
    void readsAOneLineValueThatIsNotYamlAsItsText() {
        // given a hint Claude Code accepts although "[app] [env]" is no valid YAML
        Frontmatter frontmatter = frontmatterOf("---\nargument-hint: [app] [env]   # two args\n---\n");

        // when / then
        assertThat(frontmatter.value("argument-hint")).contains("[app] [env]");
        assertThat(frontmatter.text("argument-hint")).contains("[app] [env]");
        assertThat(frontmatter.render()).isEqualTo("---\nargument-hint: [app] [env]   # two args\n---\n");
    }

    @Test
    void readsAFlowSequenceAsAListButShowsItsTextAsWritten() {
        // given
        Frontmatter frontmatter = frontmatterOf("---\nargument-hint: [pr-number]  # the PR\n---\n");

        // when / then
        assertThat(frontmatter.value("argument-hint")).contains(List.of("pr-number"));
        assertThat(frontmatter.text("argument-hint")).contains("[pr-number]");
    }

    @Test
    void leavesTheRawTextAloneWhenTheValueDoesNotChange() {
        // given
        Frontmatter frontmatter = frontmatterOf("---\nmaxTurns:   20   # cap\nname: 'reviewer'\n---\n");

        // when
        Frontmatter same = frontmatter.with("maxTurns", 20L).with("name", "reviewer");

        // then
        assertThat(same.render()).isEqualTo(frontmatter.render());
    }

    @Test
    void keepsQuotingStyleAndTheTrailingCommentColumnWhenAValueChanges() {
        // given
        Frontmatter frontmatter = frontmatterOf("---\nname: 'reviewer'       # lowercase\nmodel: \"opus\"\n---\n");

        // when
        Frontmatter changed = frontmatter.with("name", "auditor").with("model", "sonnet");

        // then
        assertThat(changed.render()).isEqualTo("---\nname: 'auditor'        # lowercase\nmodel: \"sonnet\"\n---\n");
    }

    @Test
    void quotesANewValueOnlyWhenYamlNeedsIt() {
        // given
        Frontmatter frontmatter = Frontmatter.empty();

        // when
        Frontmatter written = frontmatter
                .with("description", "Deploy: the app")
                .with("argument-hint", "[app] [env]")
                .with("allowed-tools", "Bash(git add:*), Read")
                .with("disable-model-invocation", true)
                .with("effort", "true");

        // then
        assertThat(written.render())
                .isEqualTo(
                        "---\ndescription: 'Deploy: the app'\nargument-hint: '[app] [env]'\n"
                                + "allowed-tools: Bash(git add:*), Read\ndisable-model-invocation: true\neffort: 'true'\n---\n");
        assertThat(written.value("disable-model-invocation")).contains(true);
    }

    @Test
    void writesListsInTheIndentationAndFlowStyleTheyHad() {
        // given
        Frontmatter frontmatter = frontmatterOf("---\ntools:\n    - Read\nskills: [a]\nnew:\n---\n");

        // when
        Frontmatter changed = frontmatter
                .with("tools", List.of("Read", "Bash(a, b)"))
                .with("skills", List.of("a", "b"))
                .with("mcpServers", List.of("github"));

        // then
        assertThat(changed.render())
                .isEqualTo("---\ntools:\n    - Read\n    - Bash(a, b)\nskills: [a, b]\nnew:\n"
                        + "mcpServers:\n  - github\n---\n");
    }

    @Test
    void appendsNewKeysAndRemovesKeysSetToNull() {
        // given
        Frontmatter frontmatter = frontmatterOf("---\nname: a\ncolor: red\n---\n");

        // when
        Frontmatter changed = frontmatter.with("color", null).with("memory", "project");

        // then
        assertThat(changed.render()).isEqualTo("---\nname: a\nmemory: project\n---\n");
        assertThat(changed.value("color")).isEmpty();
    }

    @Test
    void rendersNothingWithoutKeysButKeepsAnEmptyBlockThatWasInTheFile() {
        assertThat(Frontmatter.empty().render()).isEmpty();
        assertThat(frontmatterOf("---\nname: a\n---\nbody").with("name", null).render())
                .isEmpty();
        assertThat(frontmatterOf("---\n---\nbody").render()).isEqualTo("---\n---\n");
    }

    @Test
    void buildsFromRawEntriesAsRawEntriesReturnsThem() {
        // given
        Frontmatter parsed = frontmatterOf(Fixtures.read("agents/security-auditor.md"));

        // when
        Frontmatter rebuilt = Frontmatter.ofRaw(parsed.rawEntries());

        // then
        assertThat(rebuilt.render()).isEqualTo(parsed.render());
        assertThat(rebuilt.value("maxTurns")).contains(20);
    }

    @Test
    void refusesRawTextThatIsNoValueOfItsKey() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("tools", " [Read,\n  Grep");

        assertThatThrownBy(() -> Frontmatter.ofRaw(raw))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessageContaining("'tools'");
        assertThatThrownBy(() -> Frontmatter.ofRaw(Map.of("#1", "not a comment")))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessageContaining("only comment and blank lines");
    }

    @Test
    void keepsBlankLinesThatBelongToAKeepChompingBlockScalar() {
        // given
        String content = "---\ndescription: |+\n  Reviews code.\n\nmodel: opus\n---\n";

        // when
        Frontmatter frontmatter = frontmatterOf(content);

        // then
        assertThat(frontmatter.value("description")).contains("Reviews code.\n\n");
        assertThat(frontmatter.rawEntries()).containsOnlyKeys("description", "model");
        assertThat(frontmatter.render()).isEqualTo("---\ndescription: |+\n  Reviews code.\n\nmodel: opus\n---\n");
    }

    @Test
    void refusesInvalidYamlInAMultiLineValueNamingTheLine() {
        String content = "---\nname: a\nhooks:\n  PreToolUse:\n    - matcher: Bash\n     hooks: []\n---\n";

        assertThatThrownBy(() -> MarkdownFile.parse(".claude/agents/a.md", content))
                .isInstanceOfSatisfying(ClaudeCodeFileInvalid.class, invalid -> {
                    assertThat(invalid.line()).isEqualTo(6);
                    assertThat(invalid.path()).isEqualTo(".claude/agents/a.md");
                })
                .hasMessageStartingWith(".claude/agents/a.md line 6: invalid YAML in frontmatter key 'hooks'");
    }

    @Test
    void refusesALineThatIsNoKey() {
        assertThatThrownBy(() -> MarkdownFile.parse("a.md", "---\njust some text\nname: a\n---\n"))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessage("a.md line 2: expected 'key: value' in the frontmatter, found: just some text");
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> MarkdownFile.parse("a.md", "---\nmodel: opus\nname: a\nmodel: haiku\n---\n"))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessage("a.md line 4: duplicate frontmatter key 'model'");
    }

    @Test
    void refusesUnsafeYamlTags() {
        String content = "---\nname: !!javax.script.ScriptEngineManager\n  [!!java.net.URLClassLoader [[]]]\n---\n";

        assertThatThrownBy(() -> MarkdownFile.parse("a.md", content))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessageContaining("line 2");
    }
}
