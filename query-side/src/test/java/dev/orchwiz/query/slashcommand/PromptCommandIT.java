package dev.orchwiz.query.slashcommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestRuns;
import dev.orchwiz.TestUsers;
import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A prompt command is what Claude Code makes it: its template, arguments put in, is a prompt in the session that the
 * agent runs on the deterministic local runtime; its {@code !`cmd`} commands pass the control plane first and their
 * output stands in the prompt; its {@code allowed-tools} keep every other tool from the run. Script commands stay
 * scripts, and Claude Code files go in and out of both kinds unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class PromptCommandIT {

    private static final Path WORKSPACE;

    static {
        try {
            WORKSPACE = Files.createTempDirectory("orchwiz-prompt-commands");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @DynamicPropertySource
    static void execution(DynamicPropertyRegistry properties) {
        properties.add("orchwiz.execution.enabled", () -> "true");
        properties.add("orchwiz.execution.workspace-root", WORKSPACE::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    NodeClient ada;
    NodeClient grace;

    @BeforeEach
    void connect() {
        ada = new NodeClient(port).withToken(TestUsers.token(context, "ada@example.com", false));
        grace = new NodeClient(port).withToken(TestUsers.token(context, "grace@example.com", false));
    }

    private String session(NodeClient client) {
        Reply reply = client.post(
                "/api/sessions",
                NodeClient.json(Map.of("title", "prompt command", "mode", "plan", "runtime", "local")));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private String command(Map<String, Object> input) {
        Reply reply = ada.post("/api/slash-commands", NodeClient.json(input));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private JsonNode awaitRun(String runId, String... states) {
        return TestRuns.awaitRun(ada, runId, states);
    }

    private void approve(String toolCallId) {
        String hash = ada.get("/api/tool-calls/" + toolCallId)
                .json()
                .path("inputHash")
                .asString();
        Reply approved = ada.post(
                "/api/approvals/" + toolCallId,
                NodeClient.json(Map.of("decision", "approve", "inputHash", hash, "comment", "by test")));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
    }

    @Test
    void aPromptCommandRunsItsBangCommandThroughTheControlPlaneThenTheAgentOnThePromptWithItsOutput() {
        // given a prompt command with a positional argument, a !`cmd` marker and frontmatter that applies to the run
        String id = command(Map.of(
                "name",
                "greet",
                "kind",
                "prompt",
                "script",
                "Greet $1 kindly.\nStatus: !`echo bang-$1`",
                "model",
                "local-echo",
                "allowedTools",
                List.of("Bash(echo:*)")));
        assertThat(ada.get("/api/slash-commands/" + id).json().path("kind").asString())
                .isEqualTo("prompt");
        String session = session(ada);

        // when it is executed in a plan-mode session with a quoted argument
        Reply executed = ada.post(
                "/api/commands/" + id + "/execute",
                NodeClient.json(Map.of("sessionId", session, "arguments", "\"Ada L\" ignored")));

        // then it answers with the run at once
        assertThat(executed.status()).as(executed.raw()).isEqualTo(202);
        String runId = executed.json().path("runId").asString();
        assertThat(executed.json().path("traceId").asString()).matches("[0-9a-f]{32}");
        assertThat(executed.json().path("sessionId").asString()).isEqualTo(session);
        assertThat(executed.header("Location")).isEqualTo("/api/runs/" + runId);

        // and the bang command, shell-quoted, is a Bash call of the run before any model call, asked in plan mode
        JsonNode waiting = awaitRun(runId, "awaiting_approval");
        assertThat(waiting.path("steps").asInt()).isZero();
        assertThat(waiting.path("model").asString()).isEqualTo("local-echo");
        JsonNode call = waiting.path("toolCalls").get(0);
        assertThat(call.path("step").asInt()).isZero();
        assertThat(call.path("input").path("command").asString()).isEqualTo("echo bang-'Ada L'");

        // when it is approved
        approve(call.path("toolCallId").asString());

        // then the model got the prompt with the command's output in place of its marker, and answered
        JsonNode done = awaitRun(runId, "completed", "failed");
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("answer").asString()).contains("You said: Greet Ada L kindly.\nStatus: bang-Ada L");
        assertThat(done.path("steps").asInt()).isEqualTo(1);

        // and the rendered prompt is the session's prompt, the answer its reply
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String timeline = ada.get("/api/sessions/" + session).raw();
            assertThat(timeline).contains("Greet Ada L kindly.").contains("bang-Ada L");
        });

        // and nobody else runs it in their session, nor in Ada's
        assertThat(grace.post(
                                "/api/slash-commands/" + id + "/execute",
                                NodeClient.json(Map.of("sessionId", session(grace))))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aToolOutsideAllowedToolsIsAnsweredToTheModelAsAnErrorAndNeverBecomesAToolCall() {
        // given a prompt command that allows only Read, whose prompt asks the local runtime for a Bash call
        String id = command(Map.of(
                "name", "reader", "kind", "prompt", "script", "run: echo $ARGUMENTS", "allowedTools", List.of("Read")));
        String session = session(ada);

        // when it runs
        Reply executed = ada.post(
                "/api/slash-commands/" + id + "/execute",
                NodeClient.json(Map.of("sessionId", session, "arguments", "should-not-run")));
        assertThat(executed.status()).as(executed.raw()).isEqualTo(202);

        // then the Bash request comes back to the model as an error, without asking anybody
        JsonNode done = awaitRun(executed.json().path("runId").asString(), "completed", "failed");
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("completed");
        JsonNode call = done.path("toolCalls").get(0);
        assertThat(call.path("error").asBoolean()).isTrue();
        assertThat(call.path("status").asString()).isEqualTo("refused");
        assertThat(done.path("answer").asString()).contains("The tool Bash is not allowed in this run");
        assertThat(ada.get("/api/tool-calls/" + call.path("toolCallId").asString())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPromptCommandNeedsASessionAndAKindIsScriptOrPrompt() {
        String id = command(Map.of("name", "lonely", "kind", "prompt", "script", "hello"));

        Reply noSession = ada.post("/api/slash-commands/" + id + "/execute", "{}");
        assertThat(noSession.status()).isEqualTo(400);
        assertThat(noSession.code()).isEqualTo("SLASH_COMMAND_INVALID_INPUT");

        Reply badKind = ada.post(
                "/api/slash-commands", NodeClient.json(Map.of("name", "odd", "kind", "Prompt", "script", "hello")));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.code()).isEqualTo("SLASH_COMMAND_INVALID_INPUT");

        // a command without a kind is a script, as every command was before kinds
        String script = command(Map.of("name", "plain", "script", "echo hi"));
        assertThat(ada.get("/api/slash-commands/" + script).json().path("kind").asString())
                .isEqualTo("script");
    }

    @Test
    void claudeCodeFilesImportAsPromptsAndBothKindsRoundTripUnchanged() {
        // given a Claude Code command file, and a script exported by OrchWiz
        String claudeFile = "---\ndescription: Review the diff\nallowed-tools: Bash(git diff:*), Read\n---\n"
                + "Review: !`git diff --name-only`\nFocus on $ARGUMENTS\n";
        String scriptId = command(Map.of("name", "deploy", "script", "./deploy.sh $1\n", "description", "ships"));
        Reply scriptExport = ada.get("/api/slash-commands/" + scriptId + "/export");
        assertThat(scriptExport.raw())
                .isEqualTo("---\ndescription: ships\norchwiz-kind: script\n---\n./deploy.sh $1\n");

        // when both are imported
        Reply imported = ada.post(
                "/api/slash-commands/import",
                NodeClient.json(Map.of(
                        "files",
                        List.of(
                                Map.of("path", ".claude/commands/git/review.md", "content", claudeFile),
                                Map.of("path", "again/deploy-copy.md", "content", scriptExport.raw())))));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.json().path("failed").size()).as(imported.raw()).isZero();
        String promptId = imported.json().path("imported").get(0).path("id").asString();
        String copyId = imported.json().path("imported").get(1).path("id").asString();

        // then the Claude Code file is a prompt, the exported script a script, and each exports byte for byte
        assertThat(ada.get("/api/slash-commands/" + promptId)
                        .json()
                        .path("kind")
                        .asString())
                .isEqualTo("prompt");
        assertThat(ada.get("/api/slash-commands/" + copyId).json().path("kind").asString())
                .isEqualTo("script");
        assertThat(ada.get("/api/slash-commands/" + promptId + "/export").raw()).isEqualTo(claudeFile);
        assertThat(ada.get("/api/slash-commands/" + copyId + "/export").raw()).isEqualTo(scriptExport.raw());

        // and a Claude Code file without allowed-tools gets none back
        String bare = "---\ndescription: Explain\n---\nExplain $1\n";
        Reply bareImport = ada.post(
                "/api/slash-commands/import",
                NodeClient.json(Map.of("files", List.of(Map.of("path", "explain.md", "content", bare)))));
        String bareId = bareImport.json().path("imported").get(0).path("id").asString();
        assertThat(ada.get("/api/slash-commands/" + bareId + "/export").raw()).isEqualTo(bare);

        // and a file exported before exports carried the kind reads back as a script when the import says so
        Reply old = ada.post(
                "/api/slash-commands/import",
                NodeClient.json(Map.of(
                        "kind",
                        "script",
                        "files",
                        List.of(Map.of("path", "old.md", "content", "---\ndescription: old\n---\nmake all\n")))));
        String oldId = old.json().path("imported").get(0).path("id").asString();
        assertThat(ada.get("/api/slash-commands/" + oldId).json().path("kind").asString())
                .isEqualTo("script");

        // and changing a prompt into a script marks its export
        Reply revised =
                ada.patch("/api/slash-commands/" + promptId, NodeClient.json(Map.of("kind", "script")), Map.of());
        assertThat(revised.status()).as(revised.raw()).isEqualTo(200);
        assertThat(ada.get("/api/slash-commands/" + promptId + "/export").raw()).contains("orchwiz-kind: script\n");
    }
}
