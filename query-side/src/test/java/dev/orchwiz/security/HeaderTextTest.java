package dev.orchwiz.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loop accepts exactly what Spring Security's firewall patterns accept, code point by code point. */
class HeaderTextTest {

    // Copied from StrictHttpFirewall (Spring Security 7.1), which keeps them private.
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithTheFirewallOnEveryCodePoint() {
        int accepted = 0;
        List<String> disagreements = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + Character.toString(codePoint) + "b";
            if (HeaderText.isAllowedName(text) != NAME.matcher(text).matches()) {
                disagreements.add(String.format("name U+%04X", codePoint));
            }
            if (HeaderText.isAllowedValue(text) != VALUE.matcher(text).matches()) {
                disagreements.add(String.format("value U+%04X", codePoint));
            }
            accepted += HeaderText.isAllowedValue(text) ? 1 : 0;
        }
        assertThat(disagreements).isEmpty();
        // Not a vacuous agreement: hundreds of thousands of code points are accepted, as many more refused.
        assertThat(accepted).isGreaterThan(100_000).isLessThan(Character.MAX_CODE_POINT - 100_000);
    }

    @Test
    void agreesWithTheFirewallOnTypicalAndBrokenHeaders() {
        List<String> texts = List.of(
                "",
                "Bearer owz_abcdefghijklmnopqrstuvwxyz0123456789",
                "text/html,application/xhtml+xml;q=0.9",
                "tab\there",
                "line\nbreak",
                "carriage\rreturn",
                "nul\0byte",
                "del\u007f",
                "emoji \uD83D\uDE00 pair",
                "lone high \uD800 surrogate",
                "lone low \uDC00 surrogate",
                "reversed \uDE00\uD83D pair",
                "unassigned \u0378",
                "latin é and ü");
        for (String text : texts) {
            assertThat(HeaderText.isAllowedName(text))
                    .as(text)
                    .isEqualTo(NAME.matcher(text).matches());
            assertThat(HeaderText.isAllowedValue(text))
                    .as(text)
                    .isEqualTo(VALUE.matcher(text).matches());
        }
    }
}
