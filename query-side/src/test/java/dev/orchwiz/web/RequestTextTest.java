package dev.orchwiz.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.api.text.TextRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;

/** The text rules and the body walk that applies them, over generated text. */
class RequestTextTest {

    record Inner(@SingleLine String name, String body) {}

    record Outer(String title, List<Inner> items, Map<String, Object> metadata) {}

    /** Code points a text may hold anywhere, including astral ones (emoji) as surrogate pairs. */
    @Provide
    Arbitrary<String> acceptable() {
        return Arbitraries.strings()
                .withCharRange(' ', '~')
                .withCharRange('\u00a0', '\ud7ff')
                .withCharRange('\ue000', '\ufffd')
                .withChars('\t', '\n', '\r')
                .ofMaxLength(40)
                .flatMap(base -> Arbitraries.of("", "🚀", "𝔘", "👩‍💻").map(astral -> base + astral));
    }

    @Provide
    Arbitrary<String> forbiddenCharacter() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u0008').map(String::valueOf),
                Arbitraries.chars().range('\u000b', '\u000c').map(String::valueOf),
                Arbitraries.chars().range('\u000e', '\u001f').map(String::valueOf),
                Arbitraries.chars().range('\u007f', '\u009f').map(String::valueOf),
                Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf));
    }

    @Provide
    Arbitrary<String> hostile() {
        return Combinators.combine(acceptable(), forbiddenCharacter(), acceptable())
                .as((before, bad, after) -> before + bad + after)
                // a high surrogate followed by a low one would be a valid pair, not an unpaired one
                .filter(text -> TextRules.problem(text, true).isPresent());
    }

    @Property
    void acceptableTextPassesInMultiLineFields(@ForAll("acceptable") String text) {
        assertThat(TextRules.problem(text, true)).isEmpty();
    }

    @Property
    void anyForbiddenCharacterIsFoundWherever(
            @ForAll("acceptable") String before, @ForAll("forbiddenCharacter") String bad) {
        String text = before.replaceAll("[\\uD800-\\uDFFF]", "") + bad + "x";

        Optional<String> problem = TextRules.problem(text, true);

        assertThat(problem).isPresent();
    }

    @Property
    void hostileTextIsRefusedWhereverItSitsInABody(@ForAll("hostile") String text, @ForAll("place") int place) {
        Outer body =
                switch (place) {
                    case 0 -> new Outer(text, List.of(), Map.of());
                    case 1 -> new Outer("ok", List.of(new Inner("ok", "ok"), new Inner("ok", text)), Map.of());
                    case 2 -> new Outer("ok", List.of(), Map.of("nested", Map.of("deeper", List.of("ok", text))));
                    default -> new Outer("ok", List.of(), Map.of(text, "key"));
                };
        String field =
                switch (place) {
                    case 0 -> "title";
                    case 1 -> "items[1].body";
                    case 2 -> "metadata.nested.deeper[1]";
                    default -> "metadata.(key)";
                };

        assertThatThrownBy(() -> RequestText.check(body, ""))
                .isInstanceOfSatisfying(InvalidRequest.class, refused -> assertThat(refused.fields())
                        .extracting(FieldProblem::field)
                        .containsExactly(field));
    }

    @Provide
    Arbitrary<Integer> place() {
        return Arbitraries.integers().between(0, 3);
    }

    @Property
    void hostileTextIsFoundInRawJsonTrees(@ForAll("hostile") String text) {
        var tree = JsonMapper.builder().build().createObjectNode();
        tree.putObject("settings").putArray("allow").add("Bash(ls)").add(text);

        assertThat(RequestText.find(tree, "", false, 0))
                .map(FieldProblem::field)
                .contains("settings.allow[1]");
    }

    @Property
    void acceptableBodiesPass(@ForAll("acceptable") String text) {
        String oneLine = text.replaceAll("[\\t\\n\\r]", " ");
        Outer body = new Outer(text, List.of(new Inner(oneLine, text)), Map.of("note", text));

        assertThat(RequestText.find(body, "", false, 0)).isEmpty();
    }

    @Property
    void singleLineFieldsRefuseLineBreaks(@ForAll("acceptable") String text) {
        Outer body = new Outer("ok", List.of(new Inner(text + "\n", "ok")), Map.of());

        assertThat(RequestText.find(body, "", false, 0))
                .map(FieldProblem::field)
                .contains("items[0].name");
    }

    @Property
    void namesTheCharacterAndItsPosition(@ForAll("acceptable") String text) {
        String clean = text.replaceAll("[\\uD800-\\uDFFF]", "");
        assertThat(TextRules.problem(clean + "\u0000", true))
                .hasValueSatisfying(why -> assertThat(why).contains("U+0000", "position " + clean.length()));
    }
}
