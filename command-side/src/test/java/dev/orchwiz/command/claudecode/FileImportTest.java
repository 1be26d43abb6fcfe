package dev.orchwiz.command.claudecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.slashcommand.SlashCommandError;
import dev.orchwiz.command.claudecode.FileImport.Failed;
import dev.orchwiz.command.claudecode.FileImport.ImportFile;
import dev.orchwiz.command.claudecode.FileImport.ImportResult;
import dev.orchwiz.command.claudecode.FileImport.Imported;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileImportTest {

    private static final class Refused extends RuleViolation {
        Refused(String detail) {
            super(RequestError.VALIDATION_FAILED, detail);
        }
    }

    private static final FileImport AGENT_FILES = new FileImport("agent files", "agent.md", 2, Refused::new);

    @Test
    void refusesARequestWithoutFiles() {
        assertThatThrownBy(() -> AGENT_FILES.run(null, (path, content) -> new FileImport.Written("x", "x")))
                .isInstanceOf(Refused.class)
                .hasMessage("files must list 1-2 agent files");
        assertThatThrownBy(() -> AGENT_FILES.checked(List.of())).isInstanceOf(Refused.class);
    }

    @Test
    void refusesMoreFilesThanTheLimitBeforeWritingAny() {
        // given
        List<String> written = new ArrayList<>();
        List<ImportFile> three =
                List.of(new ImportFile("a.md", ""), new ImportFile("b.md", ""), new ImportFile("c.md", ""));

        // when / then
        assertThatThrownBy(() -> AGENT_FILES.run(three, (path, content) -> {
                    written.add(path);
                    return new FileImport.Written(path, path);
                }))
                .isInstanceOf(Refused.class);
        assertThat(written).isEmpty();
    }

    @Test
    void reportsAFileThatDoesNotParseOrIsRefusedAndImportsTheOthers() {
        // given
        List<ImportFile> files = List.of(
                new ImportFile(null, "fine"), new ImportFile("broken.md", null), new ImportFile("taken.md", "x"));
        FileImport importing = new FileImport("agent files", "agent.md", 3, Refused::new);

        // when
        ImportResult result = importing.run(files, (path, content) -> {
            if (content.isEmpty()) {
                throw new ClaudeCodeFileInvalid(path, 0, "the file has no content");
            }
            if (path.equals("taken.md")) {
                throw new RuleViolation(SlashCommandError.NAME_TAKEN, "name taken") {};
            }
            return new FileImport.Written("id-1", "reviewer");
        });

        // then
        assertThat(result.imported()).containsExactly(new Imported("agent.md", "id-1", "reviewer"));
        assertThat(result.failed())
                .extracting(Failed::path, Failed::code)
                .containsExactly(
                        tuple("broken.md", "VALIDATION_FAILED"), tuple("taken.md", "SLASH_COMMAND_NAME_TAKEN"));
    }
}
