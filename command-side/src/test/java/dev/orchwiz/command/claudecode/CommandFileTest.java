package dev.orchwiz.command.claudecode;

import static dev.orchwiz.command.claudecode.Fixtures.changedLines;
import static dev.orchwiz.command.claudecode.Fixtures.claudePath;
import static dev.orchwiz.command.claudecode.Fixtures.crlf;
import static dev.orchwiz.command.claudecode.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CommandFileTest {

    static Stream<String> fixtures() {
        return Stream.of(
                "commands/deploy.md", "commands/review-pr.md", "commands/summarize.md", "commands/git/commit.md");
    }

    private static CommandFile fixture(String resource) {
        return CommandFile.parse(claudePath(resource), read(resource));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void rendersAnUnchangedFileByteForByte(String resource) {
        // given
        String content = read(resource);

        // when
        String rendered = CommandFile.parse(claudePath(resource), content).render();

        // then
        assertThat(rendered).isEqualTo(content);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void rendersAnUnchangedCrlfFileByteForByte(String resource) {
        String content = crlf(read(resource));

        assertThat(CommandFile.parse(claudePath(resource), content).render()).isEqualTo(content);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void rendersAnUnchangedFileWithoutFinalNewlineByteForByte(String resource) {
        String content = read(resource).stripTrailing();

        assertThat(CommandFile.parse(claudePath(resource), content).render()).isEqualTo(content);
    }

    @ParameterizedTest
    @CsvSource({
        ".claude/commands/git/commit.md, git:commit",
        ".claude/commands/deploy.md, deploy",
        "/home/ada/orchwiz/.claude/commands/Release/Notes.MD, release:notes",
        "C:\\Users\\ada\\.claude\\commands\\ops\\k8s\\rollout.md, ops:k8s:rollout",
        "plugins/ship/commands/ship.md, ship",
        "deploy.md, deploy",
        "notes/Deploy.md, deploy"
    })
    void takesTheNameFromThePathWithSubdirectoriesAsNamespaces(String path, String name) {
        assertThat(CommandFile.parse(path, "Run it.\n").name()).isEqualTo(name);
    }

    @Test
    void readsEveryKnownKey() {
        // when
        CommandFile deploy = fixture("commands/deploy.md");

        // then
        assertThat(deploy.name()).isEqualTo("deploy");
        assertThat(deploy.description()).isEqualTo("Deploy application to environment");
        assertThat(deploy.argumentHint()).isEqualTo("[app-name] [environment] [version]");
        assertThat(deploy.allowedTools())
                .containsExactly("Bash(kubectl:*)", "Bash(helm:*)", "Bash(kubectl get pods,services:*)", "Read");
        assertThat(deploy.model()).isEqualTo("sonnet");
        assertThat(deploy.body()).startsWith("Deploy $1 to $2").endsWith("and @$1\n");
    }

    @Test
    void readsAYamlListOfToolsAndASequenceArgumentHint() {
        // when
        CommandFile review = fixture("commands/review-pr.md");

        // then
        assertThat(review.name()).isEqualTo("review-pr");
        assertThat(review.description()).isEqualTo("Review a pull request: correctness, tests, naming");
        assertThat(review.argumentHint()).isEqualTo("[pr-number]");
        assertThat(review.allowedTools()).containsExactly("Bash(gh pr view:*)", "Bash(gh pr diff:*)", "Read", "Grep");
        assertThat(review.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(review.body()).startsWith("\nReview pull request #$1.");
    }

    @Test
    void readsAFileWithoutFrontmatterAsAllBody() {
        // when
        CommandFile summarize = fixture("commands/summarize.md");

        // then
        assertThat(summarize.frontmatter().isEmpty()).isTrue();
        assertThat(summarize.description()).isNull();
        assertThat(summarize.allowedTools()).isNull();
        assertThat(summarize.body()).isEqualTo(read("commands/summarize.md"));
    }

    @Test
    void keepsUnknownKeysAndComments() {
        // when
        CommandFile deploy = fixture("commands/deploy.md");

        // then
        assertThat(deploy.frontmatter().rawEntries().keySet())
                .containsExactly(
                        "#1",
                        "description",
                        "argument-hint",
                        "allowed-tools",
                        "disallowed-tools",
                        "model",
                        "#2",
                        "context",
                        "agent",
                        "effort",
                        "disable-model-invocation",
                        "x-orchwiz-owner",
                        "metadata");
        assertThat(deploy.frontmatter().value("disable-model-invocation")).contains(true);
        assertThat(deploy.frontmatter().rawEntries())
                .containsEntry("metadata", "\n  reviewed: 2025-11-03\n  tags: [release, k8s]");
    }

    @Test
    void changingTheDescriptionRewritesOnlyItsLineAndKeepsItsComment() {
        // given
        CommandFile deploy = fixture("commands/deploy.md");

        // when
        CommandFile changed = deploy.withFields(
                "Roll out one app", deploy.argumentHint(), deploy.allowedTools(), deploy.model(), deploy.body());

        // then
        assertThat(changedLines(deploy.render(), changed.render()))
                .containsExactly("description: Roll out one app                         # shown in /help");
        assertThat(changed.description()).isEqualTo("Roll out one app");
        assertThat(changed.frontmatter().value("description")).contains("Roll out one app");
    }

    @Test
    void changingAllowedToolsKeepsACommaString() {
        // given
        CommandFile commit = fixture("commands/git/commit.md");

        // when
        CommandFile changed = commit.withFields(
                commit.description(),
                commit.argumentHint(),
                List.of("Bash(git add:*)", "Bash(git commit:*)", "Bash(echo a,b)"),
                commit.model(),
                commit.body());

        // then
        assertThat(changedLines(commit.render(), changed.render()))
                .containsExactly("allowed-tools: Bash(git add:*), Bash(git commit:*), Bash(echo a,b)");
        assertThat(CommandFile.parse(".claude/commands/git/commit.md", changed.render())
                        .allowedTools())
                .containsExactly("Bash(git add:*)", "Bash(git commit:*)", "Bash(echo a,b)");
    }

    @Test
    void changingAllowedToolsKeepsAYamlList() {
        // given
        CommandFile review = fixture("commands/review-pr.md");

        // when
        CommandFile changed = review.withFields(
                review.description(),
                review.argumentHint(),
                List.of("Bash(gh pr view:*)", "Read"),
                review.model(),
                review.body());

        // then
        String expected = read("commands/review-pr.md")
                .replace("  - Bash(gh pr diff:*)\n", "")
                .replace("  - Grep\n", "");
        assertThat(changed.render()).isEqualTo(expected);
    }

    @Test
    void changingTheBodyLeavesTheFrontmatterAlone() {
        // given
        CommandFile deploy = fixture("commands/deploy.md");
        String frontmatter = deploy.frontmatter().render();

        // when
        CommandFile changed = deploy.withFields(
                deploy.description(), deploy.argumentHint(), deploy.allowedTools(), deploy.model(), "Deploy $1.");

        // then
        assertThat(changed.render()).isEqualTo(frontmatter + "Deploy $1.");
    }

    @Test
    void changingAFieldKeepsCrlfLineEndings() {
        // given
        CommandFile commit = CommandFile.parse(".claude/commands/git/commit.md", crlf(read("commands/git/commit.md")));

        // when
        CommandFile changed = commit.withFields("Commit", null, commit.allowedTools(), "haiku", commit.body());

        // then
        assertThat(changed.render())
                .isEqualTo(crlf(read("commands/git/commit.md")
                        .replace("description: Create a git commit\n", "description: Commit\nmodel: haiku\n")));
    }

    @Test
    void removesAKeyWhoseFieldBecomesNull() {
        // given
        CommandFile review = fixture("commands/review-pr.md");

        // when
        CommandFile changed = review.withFields(review.description(), null, null, null, review.body());

        // then
        assertThat(changed.render())
                .isEqualTo("---\ndescription: \"Review a pull request: correctness, tests, naming\"\n---\n"
                        + review.body());
    }

    @Test
    void rendersACommandBuiltFromFieldsAlone() {
        // given
        CommandFile command = new CommandFile(
                "deploy",
                "Deploy: one app",
                "[app] [env]",
                List.of("Bash(kubectl:*)", "Read"),
                null,
                "Deploy $1.\n",
                null);

        // when
        String rendered = command.render();

        // then
        assertThat(rendered)
                .isEqualTo("---\ndescription: 'Deploy: one app'\nargument-hint: '[app] [env]'\n"
                        + "allowed-tools: Bash(kubectl:*), Read\n---\nDeploy $1.\n");
        CommandFile reread = CommandFile.parse(".claude/commands/deploy.md", rendered);
        assertThat(reread.description()).isEqualTo("Deploy: one app");
        assertThat(reread.argumentHint()).isEqualTo("[app] [env]");
        assertThat(reread.allowedTools()).containsExactly("Bash(kubectl:*)", "Read");
        assertThat(reread.model()).isNull();
    }

    @Test
    void addsANewKeyWithoutTouchingTheBodyOfAFileWithoutFrontmatter() {
        // given
        CommandFile summarize = fixture("commands/summarize.md");

        // when
        CommandFile changed = summarize.withFields("Summarize the branch", null, null, null, summarize.body());

        // then
        assertThat(changed.render()).isEqualTo("---\ndescription: Summarize the branch\n---\n" + summarize.body());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "description: 42                  | 42",
                "description: true                | true",
                "description: 2025-11-03          | 2025-11-03",
                "description: [one, two] # list   | [one, two]",
                "description: Fix: the thing      | Fix: the thing",
                "description:                     | ",
            })
    void readsANonStringDescriptionAsItsText(String line, String description) {
        // when
        CommandFile command = CommandFile.parse("c.md", "---\n" + line.strip() + "\n---\nRun.\n");

        // then
        assertThat(command.description()).isEqualTo(description);
        assertThat(command.render()).isEqualTo("---\n" + line.strip() + "\n---\nRun.\n");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "allowed-tools: Bash(git add:*),Read ,  Grep | Bash(git add:*);Read;Grep",
                "allowed-tools: Bash(a,b), Bash(c (d, e)), Read | Bash(a,b);Bash(c (d, e));Read",
                "allowed-tools: [Read, 'Bash(a, b)'] | Read;Bash(a, b)",
                "allowed-tools: '' | ",
            })
    void splitsToolRulesOnlyAtCommasOutsideParentheses(String line, String tools) {
        // when
        CommandFile command = CommandFile.parse("c.md", "---\n" + line + "\n---\n");

        // then
        List<String> expected = tools == null ? List.of() : List.of(tools.split(";"));
        assertThat(command.allowedTools()).isEqualTo(expected);
    }

    @Test
    void keepsAByteOrderMarkBeforeTheFrontmatter() {
        // given
        String content = "\uFEFF" + read("commands/git/commit.md");

        // when
        CommandFile commit = CommandFile.parse(".claude/commands/git/commit.md", content);

        // then
        assertThat(commit.description()).isEqualTo("Create a git commit");
        assertThat(commit.render()).isEqualTo(content);
    }

    @Test
    void startsTheBodyOnItsOwnLineWhenTheFileEndedWithTheClosingDelimiter() {
        // given
        CommandFile command = CommandFile.parse("c.md", "---\ndescription: x\n---");

        // when
        CommandFile changed = command.withFields("x", null, null, null, "Run.\n");

        // then
        assertThat(command.body()).isEmpty();
        assertThat(command.render()).isEqualTo("---\ndescription: x\n---");
        assertThat(changed.render()).isEqualTo("---\ndescription: x\n---\nRun.\n");
    }

    @Test
    void refusesAnUnclosedFrontmatter() {
        assertThatThrownBy(() -> CommandFile.parse(".claude/commands/x.md", "---\ndescription: x\nRun it.\n"))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessage(
                        ".claude/commands/x.md line 1: the frontmatter opened on line 1 is never closed by a '---' line");
    }

    @Test
    void refusesInvalidYamlNamingTheLine() {
        String content = "---\ndescription: x\nallowed-tools: [Read,\n  Grep\nmodel: opus\n---\nRun.\n";

        assertThatThrownBy(() -> CommandFile.parse(".claude/commands/x.md", content))
                .isInstanceOfSatisfying(ClaudeCodeFileInvalid.class, invalid -> assertThat(invalid.line())
                        .isBetween(3, 4))
                .hasMessageContaining("invalid YAML in frontmatter key 'allowed-tools'");
    }

    @Test
    void refusesAFileLargerThan256KiB() {
        String content = "---\ndescription: big\n---\n" + "x".repeat(256 * 1024);

        assertThatThrownBy(() -> CommandFile.parse(".claude/commands/big.md", content))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessage(".claude/commands/big.md: the file is larger than 256 KiB; Claude Code files are small");
    }

    @Test
    void countsTheSizeLimitInUtf8Bytes() {
        String content = "ü".repeat(128 * 1024 + 1);

        assertThatThrownBy(() -> CommandFile.parse("c.md", content)).isInstanceOf(ClaudeCodeFileInvalid.class);
        assertThat(CommandFile.parse("c.md", "ü".repeat(128 * 1024)).body()).hasSize(128 * 1024);
    }

    @Test
    void refusesAPathWithoutAFileName() {
        assertThatThrownBy(() -> CommandFile.parse(" ", "Run.\n"))
                .isInstanceOf(ClaudeCodeFileInvalid.class)
                .hasMessageContaining("needs a path");
    }
}
