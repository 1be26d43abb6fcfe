package dev.orchwiz.command.permission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellCommandTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void splitsACommandLineIntoSimpleCommands(String line, List<String> simpleCommands, boolean substitution) {
        ShellCommand shell = ShellCommand.parse(line);

        assertThat(shell.simpleCommands()).containsExactlyElementsOf(simpleCommands);
        assertThat(shell.hasSubstitution()).isEqualTo(substitution);
    }

    static Stream<Arguments> commandLines() {
        return Stream.of(
                line("ls -la", false, "ls -la"),
                line("   ls    -la   ", false, "ls -la"),
                line("", false),
                line("a && b || c ; d | e & f", false, "a", "b", "c", "d", "e", "f"),
                line("a |& b", false, "a", "b"),
                line("a\nb\n\nc", false, "a", "b", "c"),
                line("echo \"a && b\"", false, "echo \"a && b\""),
                line("echo 'a;  b'", false, "echo 'a;  b'"),
                line("echo a\\;b", false, "echo a\\;b"),
                line("ls \\\n -la", false, "ls -la"),
                line("echo hi > out.txt", false, "echo hi"),
                line("echo hi>out.txt", false, "echo hi"),
                line("echo hi >> \"my log\" 2>&1", false, "echo hi"),
                line("make 2> errors.txt 1>&2", false, "make"),
                line("make &> all.txt", false, "make"),
                line("cat < in.txt", false, "cat < in.txt"),
                line("echo $(date)", true, "date", "echo $()"),
                line("echo \"today: $(date +%F)\"", true, "date +%F", "echo \"today: $()\""),
                line("echo `id -u`", true, "id -u", "echo ``"),
                line("echo '$(not run)'", false, "echo '$(not run)'"),
                line("diff <(ls a) <(ls b)", true, "ls a", "ls b", "diff <() <()"),
                line("(cd x && make)", false, "cd x", "make"),
                line("{ ls; pwd; }", false, "ls", "pwd"),
                line("if test -f x; then rm x; fi", false, "test -f x", "rm x"),
                line("while true; do sleep 1; done", false, "true", "sleep 1"),
                line("! grep -q x f", false, "grep -q x f"),
                line("FOO=1 BAR=2 make", false, "FOO=1 BAR=2 make"),
                line("echo \"unterminated && rm", false, "echo \"unterminated && rm"),
                line("echo $((1 + 2))", true, "1 + 2", "echo $()"),
                line("ls # it's a comment; rm -rf /\nrm -rf /tmp", false, "ls", "rm -rf /tmp"),
                line("echo a#b", false, "echo a#b"),
                line("echo $'it\\'s' ; rm -rf /", false, "echo $'it\\'s'", "rm -rf /"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"echo 'open", "echo \"open", "echo $(open", "(cd x", "echo `open", "echo $'open\\'"})
    void knowsALineWithAnUnclosedQuoteOrBracketIsIncomplete(String line) {
        assertThat(ShellCommand.parse(line).isComplete()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("assignments")
    void dropsLeadingAssignmentsForDenyRules(String simpleCommand, String command) {
        assertThat(ShellCommand.withoutAssignments(simpleCommand)).isEqualTo(command);
    }

    static Stream<Arguments> assignments() {
        return Stream.of(
                Arguments.of("FOO=1 rm -rf /", "rm -rf /"),
                Arguments.of("A=1 B=\"x y\" make", "make"),
                Arguments.of("make FOO=1", "make FOO=1"),
                Arguments.of("FOO=1", "FOO=1"));
    }

    private static Arguments line(String line, boolean substitution, String... simpleCommands) {
        return Arguments.of(line, List.of(simpleCommands), substitution);
    }
}
