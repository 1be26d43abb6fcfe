package dev.orchwiz.command.claudecode;

import dev.orchwiz.api.problem.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An import of Claude Code files, one at a time: a file that does not parse, or whose write a rule refuses, is reported
 * with its error code, and the other files are still imported.
 *
 * @param files what the files are ({@code agent files}), for the refusal of a request with too few or too many
 * @param unnamedPath the path of a file the request sent without one
 * @param limit how many files one request may carry
 * @param invalid the context's refusal of invalid input, with a detail: for a file that does not parse, and for a
 *     request with too few or too many files
 */
public record FileImport(String files, String unnamedPath, int limit, Function<String, RuleViolation> invalid) {

    public record ImportFile(String path, String content) {}

    public record Imported(String path, String id, String name) {}

    public record Failed(String path, String code, String detail) {

        static Failed of(String path, RuleViolation refused) {
            return new Failed(path, refused.errorCode().code(), refused.getMessage());
        }
    }

    public record ImportResult(List<Imported> imported, List<Failed> failed) {}

    /** Parses one file's content and writes what it describes; answers the id and name it was written under. */
    @FunctionalInterface
    public interface Write {
        Written write(String path, String content);
    }

    public record Written(String id, String name) {}

    /** The files of a request, refused when there are none (null counts as none) or more than {@link #limit()}. */
    public List<ImportFile> checked(List<ImportFile> requested) {
        List<ImportFile> all = requested == null ? List.of() : requested;
        if (all.isEmpty() || all.size() > limit) {
            throw invalid.apply("files must list 1-" + limit + " " + files);
        }
        return all;
    }

    /** Imports each of the {@link #checked} files with {@code write}. */
    public ImportResult run(List<ImportFile> requested, Write write) {
        List<ImportFile> all = checked(requested);
        List<Imported> imported = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        for (ImportFile file : all) {
            String path = file.path() == null ? unnamedPath : file.path();
            try {
                Written written = write.write(path, file.content() == null ? "" : file.content());
                imported.add(new Imported(path, written.id(), written.name()));
            } catch (ClaudeCodeFileInvalid notParsed) {
                failed.add(Failed.of(path, invalid.apply(notParsed.getMessage())));
            } catch (RuleViolation refused) {
                failed.add(Failed.of(path, refused));
            }
        }
        return new ImportResult(imported, failed);
    }
}
