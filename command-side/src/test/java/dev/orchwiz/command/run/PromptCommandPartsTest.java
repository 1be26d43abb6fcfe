package dev.orchwiz.command.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.run.event.RunStarted;
import dev.orchwiz.command.run.runtime.ToolSpec;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The parts of a run that a prompt command's frontmatter and {@code !`cmd`} markers change. */
class PromptCommandPartsTest {

    @Nested
    class Allowed {

        @Test
        void allowsEveryToolWhenTheListIsEmpty() {
            assertThat(new AllowedTools(List.of()).permits("Bash")).isTrue();
            assertThat(new AllowedTools(null).permits("Anything")).isTrue();
        }

        @Test
        void readsEntriesAtTheToolNameSpecifiersIncluded() {
            AllowedTools allowed = new AllowedTools(List.of("Bash(git diff:*)", " Read ", "mcp__github"));

            assertThat(allowed.permits("Bash")).isTrue();
            assertThat(allowed.permits("Read")).isTrue();
            assertThat(allowed.permits("mcp__github__create_issue")).isTrue();
            assertThat(allowed.permits("Write")).isFalse();
            assertThat(allowed.permits("BashX")).isFalse();
            assertThat(allowed.permits("mcp__githubby__x")).isFalse();
            assertThat(allowed.permits(null)).isFalse();
        }

        @Test
        void offersTheModelOnlyTheAllowedTools() {
            assertThat(WhenRunStartsOrToolCallsSettleThenCallTheModel.offered(started(List.of("Read"))))
                    .isEmpty();
            assertThat(WhenRunStartsOrToolCallsSettleThenCallTheModel.offered(started(List.of("Bash(ls:*)"))).stream()
                            .map(ToolSpec::name))
                    .containsExactly("Bash");
            assertThat(WhenRunStartsOrToolCallsSettleThenCallTheModel.offered(started(List.of())))
                    .isEqualTo(WhenRunStartsOrToolCallsSettleThenCallTheModel.TOOLS);
        }

        private RunStarted started(List<String> allowedTools) {
            return new RunStarted(
                    RunId.random(),
                    SessionId.random(),
                    UserId.of("ada"),
                    "0af7651916cd43dd8448eb211c80319c",
                    "b7ad6b7169203331",
                    "local",
                    "local-echo",
                    null,
                    "hi",
                    "slash_command",
                    20,
                    200_000,
                    allowedTools,
                    true,
                    UserId.of("ada"),
                    java.util.Map.of(),
                    List.of(),
                    null);
        }
    }

    @Nested
    class Inlined {

        @Test
        void replacesEachMarkerWithItsOutputInOrder() {
            String prompt = "Status: !`git status`\nLog: !`git log -1`\nAgain: !`git status`";

            String inlined = InlinedCommandOutput.into(
                    prompt, List.of("git status", "git log -1", "git status"), List.of("clean\n", "abc fix", "dirty"));

            assertThat(inlined).isEqualTo("Status: clean\nLog: abc fix\nAgain: dirty");
        }

        @Test
        void keepsTheOutputOfACommandWhoseMarkerIsMissingAfterThePrompt() {
            assertThat(InlinedCommandOutput.into("no markers", List.of("date"), List.of("today")))
                    .isEqualTo("no markers\n\ndate:\ntoday");
        }
    }
}
