package dev.orchwiz.api.slashcommand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A definition as the event store keeps it (Axon's Jackson serializer): the kind evolves the events additively. */
class SlashCommandDefinitionTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsADefinitionStoredBeforeKindsWithoutOneAndThatMeansScript() throws Exception {
        // given an event's definition as it was stored before kinds existed
        String stored = """
                {"name":"deploy","description":null,"script":"./deploy.sh","workingDirectory":null,
                 "argumentHint":null,"allowedTools":[],"model":null,"shared":false,"frontmatter":{}}""";

        // when it is read back
        SlashCommandDefinition read = json.readValue(stored, SlashCommandDefinition.class);

        // then it has no kind, which means script
        assertThat(read.kind()).isNull();
        assertThat(SlashCommandKind.orScript(read.kind())).isEqualTo(SlashCommandKind.SCRIPT);
        assertThat(read.script()).isEqualTo("./deploy.sh");
    }

    @Test
    void writesTheKindLastByItsWireNameAndReadsItBack() throws Exception {
        SlashCommandDefinition prompt = new SlashCommandDefinition(
                "review",
                null,
                "Review $1",
                null,
                null,
                List.of("Read"),
                "sonnet",
                false,
                Map.of(),
                SlashCommandKind.PROMPT);

        String written = json.writeValueAsString(prompt);

        assertThat(written).endsWith("\"kind\":\"prompt\"}");
        assertThat(json.readValue(written, SlashCommandDefinition.class)).isEqualTo(prompt);
    }

    @Test
    void theNineFieldConstructorIsAScript() {
        assertThat(new SlashCommandDefinition("x", null, "echo", null, null, null, null, false, null).kind())
                .isEqualTo(SlashCommandKind.SCRIPT);
    }
}
