package dev.orchwiz.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void textTypedHereMayHoldNoControlCharacterButLineBreaksWhereLinesAreAllowed() {
        assertThat(TextRules.problem("plain text ✓ 𝄞", false)).isEmpty();
        assertThat(TextRules.problem("a\tb\nc", true)).isEmpty();
        assertThat(TextRules.problem("a\nb", false))
                .hasValue("must be a single line (found a line feed at position 1)");
        assertThat(TextRules.problem("a\u001bb", true)).hasValue("contains the control character U+001B at position 1");
        assertThat(TextRules.problem("a\u0000", true))
                .hasValue("contains the control character U+0000 (NUL) at position 1");
        assertThat(TextRules.problem("x\ud800y", true)).hasValue("contains an unpaired surrogate U+D800 at position 1");
        assertThat(TextRules.problem("\udc00", true)).hasValue("contains an unpaired surrogate U+DC00 at position 0");
    }

    @Test
    void storedTextKeepsControlCharactersButNotNulOrUnpairedSurrogates() {
        assertThat(TextRules.storageProblem("colour \u001b[31mred\u001b[0m\r\n\t𝄞"))
                .isEmpty();
        assertThat(TextRules.storageProblem("a\u0000"))
                .hasValue("contains the control character U+0000 (NUL) at position 1");
        assertThat(TextRules.storageProblem("x\ud800y"))
                .hasValue("contains an unpaired surrogate U+D800 at position 1");
        assertThat(TextRules.storageProblem("trailing \ud83d"))
                .hasValue("contains an unpaired surrogate U+D83D at position 9");
        assertThat(TextRules.storageProblem("\udc00")).hasValue("contains an unpaired surrogate U+DC00 at position 0");
    }
}
