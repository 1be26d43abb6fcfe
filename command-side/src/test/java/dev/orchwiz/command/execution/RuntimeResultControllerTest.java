package dev.orchwiz.command.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeResultControllerTest {

    @ParameterizedTest(name = "{0} within {1} bytes keeps {2}")
    @CsvSource({
        "hello, 10, hello",
        "hello, 5, hello",
        "hello, 3, hel",
        "hello, 0, ''",
        // é is two bytes, € three, 😀 four (a surrogate pair): a cut never splits one
        "aé, 2, a",
        "aé, 3, aé",
        "€€, 5, €",
        "a😀b, 4, a",
        "a😀b, 5, a😀",
    })
    void keepsTheLongestPrefixThatFitsWithoutSplittingACharacter(String text, long budget, String kept) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String prefix =
                new String(bytes, 0, RuntimeResultController.prefixLength(bytes, budget), StandardCharsets.UTF_8);

        assertThat(prefix).isEqualTo(kept);
        assertThat(prefix.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo((int) Math.max(budget, 0));
    }
}
