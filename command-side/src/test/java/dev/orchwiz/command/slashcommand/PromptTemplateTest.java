package dev.orchwiz.command.slashcommand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {

    @Test
    void putsTheWholeArgumentStringForArguments() {
        PromptTemplate.Rendered rendered =
                PromptTemplate.render("Fix issue $ARGUMENTS now", "  #42 in \"the parser\" ");

        assertThat(rendered.text()).isEqualTo("Fix issue #42 in \"the parser\" now");
        assertThat(rendered.commands()).isEmpty();
    }

    @Test
    void splitsPositionalArgumentsLikeAShellWithQuotesGroupingWords() {
        PromptTemplate.Rendered rendered =
                PromptTemplate.render("Deploy $1 to $2, first $ARGUMENTS[0], third $3", "'my app' \"prod eu\" v2");

        assertThat(rendered.text()).isEqualTo("Deploy my app to prod eu, first my app, third v2");
    }

    @Test
    void leavesAMissingArgumentEmpty() {
        assertThat(PromptTemplate.render("[$1] [$2] [$ARGUMENTS] [$ARGUMENTS[3]]", null)
                        .text())
                .isEqualTo("[] [] [] []");
        assertThat(PromptTemplate.render("[$1] [$2]", "only").text()).isEqualTo("[only] []");
    }

    @Test
    void keepsTextWithoutPlaceholdersAsWrittenAndDollarSignsThatAreNotPlaceholders() {
        String template = "Cost is $5? No: $HOME and $ARG stay.\n\n  indented\n";

        assertThat(PromptTemplate.render(template, "x").text())
                .isEqualTo("Cost is ? No: $HOME and $ARG stay.\n\n  indented\n");
    }

    @Test
    void shellQuotesArgumentsInsideBangMarkersButNotInTheProse() {
        // given an argument that would be a second command if it reached the shell unquoted
        String arguments = "x; rm -rf ~";

        // when
        PromptTemplate.Rendered rendered = PromptTemplate.render(
                "About $ARGUMENTS:\nLog: !`git log --grep $ARGUMENTS`\nFile: !`cat $1`", arguments);

        // then
        assertThat(rendered.commands()).containsExactly("git log --grep 'x; rm -rf ~'", "cat 'x;'");
        assertThat(rendered.text())
                .isEqualTo("About x; rm -rf ~:\nLog: !`git log --grep 'x; rm -rf ~'`\nFile: !`cat 'x;'`");
    }

    @Test
    void findsSeveralBangMarkersInOrderAndIgnoresAnUnclosedOne() {
        PromptTemplate.Rendered rendered =
                PromptTemplate.render("!`date` then !`pwd`; and !`not closed\non two lines`", "");

        assertThat(rendered.commands()).isEqualTo(List.of("date", "pwd"));
    }
}
