package dev.orchwiz.query.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.TestUsers;
import dev.orchwiz.WebhookReceiver;
import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
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
 * The control plane end to end over HTTP: a slash command run in plan mode waits for an approval, runs in the sandbox
 * once approved, streams its output, and its PostToolUse webhook is delivered signed, retried and dead-lettered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class ControlPlaneIT {

    private static final Path WORKSPACE;

    static {
        try {
            WORKSPACE = Files.createTempDirectory("orchwiz-workspace");
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @DynamicPropertySource
    static void execution(DynamicPropertyRegistry properties) {
        properties.add("orchwiz.execution.enabled", () -> "true");
        properties.add("orchwiz.execution.workspace-root", WORKSPACE::toString);
        properties.add("orchwiz.hooks.allowed-hosts", () -> "127.0.0.1");
        properties.add("orchwiz.hooks.allow-private-networks", () -> "true");
        properties.add("orchwiz.hooks.allow-plain-http", () -> "true");
        properties.add("orchwiz.hooks.retry-initial-delay", () -> "200ms");
        properties.add("orchwiz.hooks.max-attempts", () -> "3");
        properties.add("orchwiz.hooks.poll-interval", () -> "200ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    NodeClient ada;
    NodeClient grace;

    static final WebhookReceiver RECEIVER = new WebhookReceiver()
            .answer("/flaky", delivery -> WebhookReceiver.Reply.of(delivery < 3 ? 500 : 204))
            .answer("/down", delivery -> WebhookReceiver.Reply.of(503))
            .answer(
                    "/block",
                    delivery ->
                            new WebhookReceiver.Reply(200, "{\"decision\":\"block\",\"reason\":\"not on my watch\"}"));

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @BeforeEach
    void connect() {
        ada = new NodeClient(port).withToken(TestUsers.token(context, "ada@example.com", false));
        grace = new NodeClient(port).withToken(TestUsers.token(context, "grace@example.com", false));
    }

    private String created(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private String session(String mode) {
        return created(ada.post("/api/sessions", NodeClient.json(Map.of("title", "control plane", "mode", mode))));
    }

    private String command(String name, String script) {
        return created(ada.post("/api/commands", NodeClient.json(Map.of("name", name, "script", script))));
    }

    private JsonNode run(String commandId, String sessionId, String arguments) {
        Reply reply = ada.post(
                "/api/commands/" + commandId + "/execute",
                NodeClient.json(Map.of("sessionId", sessionId, "arguments", arguments)));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        return reply.json();
    }

    private JsonNode awaitStatus(String callId, String... statuses) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            last[0] = ada.get("/api/tool-calls/" + callId).json();
            assertThat(last[0].path("status").asString()).isIn((Object[]) statuses);
        });
        return last[0];
    }

    @Test
    void aPlanModeRunWaitsForItsApprovalThenRunsAndRecordsItsOutput() {
        // given
        String session = session("plan");
        String command = command("greet", "echo hello $1\necho done >&2");

        // when
        JsonNode call = run(command, session, "world");

        // then
        assertThat(call.path("status").asString()).isEqualTo("awaiting_approval");
        assertThat(call.path("reason").asString())
                .as("no rule matched, so the call asks")
                .contains("No rule matched");
        JsonNode inbox = ada.get("/api/approvals").json();
        assertThat(inbox.path("items").findValuesAsString("toolCallId"))
                .contains(call.path("id").asString());
        assertThat(grace.get("/api/approvals").json().path("items").findValuesAsString("toolCallId"))
                .doesNotContain(call.path("id").asString());

        // when someone else tries, and then the owner approves
        String id = call.path("id").asString();
        Reply foreign = grace.post(
                "/api/approvals/" + id,
                NodeClient.json(Map.of(
                        "decision",
                        "approve",
                        "inputHash",
                        call.path("inputHash").asString())));
        assertThat(foreign.status()).as(foreign.raw()).isEqualTo(404);
        Reply stale = ada.post(
                "/api/approvals/" + id, NodeClient.json(Map.of("decision", "approve", "inputHash", "sha256:0")));
        assertThat(stale.code()).isEqualTo("TOOL_CALL_INPUT_CHANGED");
        Reply approved = ada.post(
                "/api/approvals/" + id,
                NodeClient.json(Map.of(
                        "decision",
                        "approve",
                        "comment",
                        "go",
                        "inputHash",
                        call.path("inputHash").asString())));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);

        // then
        JsonNode done = awaitStatus(id, "completed");
        assertThat(done.path("exitCode").asInt()).isZero();
        assertThat(done.path("approval").path("decision").asString()).isEqualTo("approve");
        assertThat(done.path("approval").path("decidedByEmail").asString())
                .as("the decider is shown by address, not only by account id")
                .isEqualTo("ada@example.com");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode output = ada.get("/api/executions/" + id + "/output").json();
            String text = String.join("", output.path("items").findValuesAsString("text"));
            assertThat(text).contains("hello world").contains("done");
        });
        List<String> trail =
                ada.get("/api/tool-calls/" + id + "/trail").json().path("items").findValuesAsString("type");
        assertThat(trail)
                .startsWith(
                        "toolcall.requested",
                        "toolcall.permission-evaluated",
                        "toolcall.approval-requested",
                        "toolcall.approved",
                        "toolcall.run-started");
        assertThat(trail).endsWith("toolcall.completed");
        JsonNode approvalEntry = ada.get("/api/tool-calls/" + id + "/trail")
                .json()
                .path("items")
                .valueStream()
                .filter(entry -> entry.path("type").asString().equals("toolcall.approved"))
                .findFirst()
                .orElseThrow();
        assertThat(approvalEntry.path("payload").path("automatic").asBoolean()).isFalse();
        assertThat(approvalEntry.path("byEmail").asString())
                .as("the trail names the approver")
                .isEqualTo("ada@example.com");
        assertThat(ada.get("/api/commands/" + command).json().path("runCount").asLong())
                .isEqualTo(1);
    }

    @Test
    void anAllowRuleRunsAtOnceInAutoAcceptAndADenyRuleIsFinal() {
        String session = session("auto_accept");
        created(ada.post(
                "/api/permissions",
                NodeClient.json(Map.of("rule", "Bash(echo *)", "outcome", "allow", "scope", "user"))));
        created(ada.post(
                "/api/permissions",
                NodeClient.json(
                        Map.of("rule", "Bash(rm *)", "outcome", "deny", "scope", "session", "sessionId", session))));

        JsonNode allowed = run(command("say", "echo $ARGUMENTS"), session, "it; rm -rf ~");
        JsonNode denied = run(command("wipe", "rm -rf $1"), session, "build");

        JsonNode ran = awaitStatus(allowed.path("id").asString(), "completed");
        assertThat(ran.path("decidedBy").path("rule").asString()).isEqualTo("Bash(echo *)");
        assertThat(denied.path("status").asString()).isEqualTo("denied");
        assertThat(denied.path("decidedBy").path("source").asString()).isEqualTo("session");
        await().untilAsserted(() -> assertThat(String.join(
                        "",
                        ada.get("/api/executions/" + allowed.path("id").asString() + "/output")
                                .json()
                                .path("items")
                                .findValuesAsString("text")))
                .contains("it; rm -rf ~"));

        JsonNode simulation = ada.post(
                        "/api/permissions/simulate",
                        NodeClient.json(Map.of(
                                "tool", "Bash", "input", Map.of("command", "echo hi && rm x"), "sessionId", session)))
                .json();
        assertThat(simulation.path("outcome").asString()).isEqualTo("deny");
        assertThat(simulation.path("decidedBy").path("rule").asString()).isEqualTo("Bash(rm *)");

        JsonNode shadowing = ada.post(
                        "/api/permissions/simulate",
                        NodeClient.json(Map.of(
                                "tool", "Bash", "input", Map.of("command", "rm -rf build"), "sessionId", session)))
                .json();
        assertThat(shadowing.path("outcome").asString()).isEqualTo("deny");
        assertThat(grace.post(
                                "/api/permissions/simulate",
                                NodeClient.json(Map.of("tool", "Bash", "input", Map.of("command", "rm x"))))
                        .json()
                        .path("outcome")
                        .asString())
                .as("ada's rules never apply to grace")
                .isEqualTo("ask");
        Reply global = ada.post(
                "/api/permissions", NodeClient.json(Map.of("rule", "Bash", "outcome", "allow", "scope", "global")));
        assertThat(global.code()).isEqualTo("PERMISSION_GLOBAL_ADMIN_ONLY");
        Reply bad = ada.post(
                "/api/permissions", NodeClient.json(Map.of("rule", "Bash(", "outcome", "allow", "scope", "user")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("PERMISSION_RULE_INVALID");
    }

    @Test
    void aCallInOneSessionCannotReadWhatACallInAnotherSessionLeft() {
        // given session A's call leaves a file where it runs
        String first = session("auto_accept");
        String second = session("auto_accept");
        for (String session : List.of(first, second)) {
            for (String rule : List.of("Bash(echo *)", "Bash(cat *)")) {
                created(ada.post(
                        "/api/permissions",
                        NodeClient.json(
                                Map.of("rule", rule, "outcome", "allow", "scope", "session", "sessionId", session))));
            }
        }
        JsonNode wrote = run(command("leave-note", "echo only-for-a > note.txt"), first, "");
        awaitStatus(wrote.path("id").asString(), "completed");
        assertThat(WORKSPACE.resolve("sessions").resolve(first).resolve("note.txt"))
                .as("each session runs in its own directory under the workspace root")
                .hasContent("only-for-a");

        // when session B's call reads it by the relative and the absolute path
        JsonNode read = run(
                command(
                        "read-note",
                        "cat ../" + first + "/note.txt "
                                + WORKSPACE.resolve("sessions").resolve(first) + "/note.txt"),
                second,
                "");

        // then it finds nothing, and A's own call can still read it
        JsonNode failed = awaitStatus(read.path("id").asString(), "failed", "completed");
        String output = ada.get("/api/tool-calls/" + read.path("id").asString() + "/output")
                .raw();
        assertThat(failed.path("status").asString()).isEqualTo("failed");
        assertThat(output).doesNotContain("only-for-a").contains("No such file");
        JsonNode own = run(command("read-own-note", "cat note.txt"), first, "");
        awaitStatus(own.path("id").asString(), "completed");
        assertThat(ada.get("/api/tool-calls/" + own.path("id").asString() + "/output")
                        .raw())
                .contains("only-for-a");

        // and a command hook of session B, which runs beside B's calls, finds nothing of A's either
        String peek = created(ada.post(
                "/api/hooks",
                NodeClient.json(Map.of(
                        "name", "peek",
                        "event", "PostToolUse",
                        "matcher", "Bash",
                        "type", "command",
                        "command", "cat " + WORKSPACE.resolve("sessions").resolve(first) + "/note.txt",
                        "sessionId", second))));
        JsonNode hooked = run(command("say-hi", "echo hi"), second, "");
        awaitStatus(hooked.path("id").asString(), "completed");
        JsonNode[] child = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode children = ada.get(
                            "/api/executions?parentId=" + hooked.path("id").asString())
                    .json()
                    .path("items");
            assertThat(children).hasSize(1);
            assertThat(children.get(0).path("status").asString()).isIn("completed", "failed");
            child[0] = children.get(0);
        });
        assertThat(ada.get("/api/tool-calls/" + child[0].path("id").asString() + "/output")
                        .raw())
                .as("a hook runs in its call's session directory, not in the whole workspace")
                .doesNotContain("only-for-a")
                .contains("No such file");
        assertThat(ada.delete("/api/hooks/" + peek).status()).isEqualTo(204);
    }

    @Test
    void aWorkingDirectoryOutsideTheCallsOwnSessionIsRefusedWhenTheCallIsAsked() {
        // given two sessions of ada's, the second with a directory of its own
        String first = session("auto_accept");
        String second = session("auto_accept");
        created(ada.post(
                "/api/permissions",
                NodeClient.json(
                        Map.of("rule", "Bash(mkdir *)", "outcome", "allow", "scope", "session", "sessionId", second))));
        JsonNode made = run(command("make-build", "mkdir -p build"), second, "");
        awaitStatus(made.path("id").asString(), "completed");

        // when commands of the first session name the second's directory, by a relative and an absolute path
        for (String outside : List.of(
                "../" + second + "/build",
                WORKSPACE.resolve("sessions").resolve(second).resolve("build").toString(),
                "../../users")) {
            String commandId = created(ada.post(
                    "/api/commands",
                    NodeClient.json(Map.of("name", "peek", "script", "ls", "workingDirectory", outside))));
            Reply refused = ada.post(
                    "/api/commands/" + commandId + "/execute",
                    NodeClient.json(Map.of("sessionId", first, "arguments", "")));

            // then each is refused at once with a 400, not recorded to fail later when it runs
            assertThat(refused.status()).as(outside + ": " + refused.raw()).isEqualTo(400);
            assertThat(ada.delete("/api/commands/" + commandId).status()).isEqualTo(204);
        }
        assertThat(ada.get("/api/tool-calls?sessionId=" + first).json().path("items"))
                .as("nothing was recorded for the refused requests")
                .isEmpty();

        // and the same directory is fine for the session it belongs to
        String own = created(ada.post(
                "/api/commands",
                NodeClient.json(Map.of("name", "list-build", "script", "ls", "workingDirectory", "build"))));
        assertThat(ada.post(
                                "/api/commands/" + own + "/execute",
                                NodeClient.json(Map.of("sessionId", second, "arguments", "")))
                        .status())
                .isEqualTo(202);
    }

    @Test
    void postToolUseWebhooksAreSignedRetriedAndDeadLettered() {
        String session = session("auto_accept");
        created(ada.post(
                "/api/permissions",
                NodeClient.json(Map.of("rule", "Bash(true)", "outcome", "allow", "scope", "user"))));
        Reply ok = ada.post(
                "/api/hooks",
                NodeClient.json(Map.of(
                        "name",
                        "recovers",
                        "event",
                        "PostToolUse",
                        "matcher",
                        "Bash",
                        "type",
                        "webhook",
                        "url",
                        RECEIVER.url("/flaky"))));
        Reply never = ada.post(
                "/api/hooks",
                NodeClient.json(Map.of(
                        "name",
                        "never",
                        "event",
                        "PostToolUse",
                        "matcher",
                        "Ba.*",
                        "type",
                        "webhook",
                        "url",
                        RECEIVER.url("/down"))));
        String okId = created(ok);
        String neverId = created(never);
        String secret = ok.json().path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        RECEIVER.secret = secret;
        assertThat(ada.get("/api/hooks/" + okId).raw()).doesNotContain(secret);

        JsonNode call = run(command("noop", "true"), session, "");
        awaitStatus(call.path("id").asString(), "completed");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deliveries =
                    ada.get("/api/hooks/" + okId + "/deliveries").json().path("items");
            assertThat(deliveries).hasSize(1);
            assertThat(deliveries.get(0).path("status").asString()).isEqualTo("delivered");
            assertThat(deliveries.get(0).path("attempts")).hasSize(3);
        });
        assertThat(RECEIVER.verified.stream()
                        .filter(body -> body.contains(call.path("id").asString())))
                .as("every attempt carried a valid signature")
                .hasSize(3);
        assertThat(RECEIVER.bodies)
                .anySatisfy(body -> assertThat(body).contains("\"hook_event_name\":\"PostToolUse\""));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode deliveries =
                    ada.get("/api/hooks/" + neverId + "/deliveries").json().path("items");
            assertThat(deliveries.get(0).path("status").asString()).isEqualTo("dead_lettered");
            assertThat(deliveries.get(0).path("attempts")).hasSize(3);
        });
        String dead = ada.get("/api/hooks/" + neverId + "/deliveries")
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        Reply redelivered = ada.post("/api/hooks/" + neverId + "/deliveries/" + dead + "/redeliver", "{}");
        assertThat(redelivered.status()).as(redelivered.raw()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ada.get("/api/hooks/" + neverId + "/deliveries")
                                .json()
                                .path("items")
                                .get(0)
                                .path("attempts"))
                        .hasSize(6));
        assertThat(grace.get("/api/hooks/" + okId + "/deliveries").status()).isEqualTo(404);
    }

    @Test
    void aPreToolUseWebhookCanBlockACall() {
        String session = session("auto_accept");
        created(ada.post(
                "/api/permissions", NodeClient.json(Map.of("rule", "Bash(ls*)", "outcome", "allow", "scope", "user"))));
        String hook = created(ada.post(
                "/api/hooks",
                NodeClient.json(Map.of(
                        "name",
                        "guard",
                        "event",
                        "PreToolUse",
                        "matcher",
                        "Bash",
                        "type",
                        "webhook",
                        "url",
                        RECEIVER.url("/block")))));

        JsonNode call = run(command("list", "ls"), session, "");

        JsonNode blocked = awaitStatus(call.path("id").asString(), "blocked");
        assertThat(blocked.path("reason").asString()).contains("guard").contains("not on my watch");
        assertThat(ada.delete("/api/hooks/" + hook).status()).isEqualTo(204);
    }

    @Test
    void commandHooksRunAsChildCallsWithThePayloadOnStdinAndExitCodeTwoBlocks() throws IOException {
        // given: hooks and rules scoped to this test's sessions, so no other test's calls meet them
        String guarded = session("auto_accept");
        String audited = session("auto_accept");
        // A command hook runs in its call's session directory, like the call: its scripts live there (or in a
        // read-only path of the node), never anywhere else in the workspace.
        Path guard = Files.createDirectories(WORKSPACE.resolve("sessions").resolve(guarded))
                .resolve("guard.sh");
        Files.writeString(guard, """
                payload=$(cat)
                case "$payload" in
                  *'"hook_event_name":"PreToolUse"'*'"tool_name":"Bash"'*) echo "no deploys today" >&2; exit 2 ;;
                esac
                exit 0
                """);
        Path auditArea = Files.createDirectories(WORKSPACE.resolve("sessions").resolve(audited));
        Path audit = auditArea.resolve("audit.sh");
        Path auditLog = auditArea.resolve("audit.json");
        // Claude Code's own variable names the directory, so an imported hook's "$CLAUDE_PROJECT_DIR/…" works here
        Files.writeString(audit, "cat > \"$CLAUDE_PROJECT_DIR/audit.json\"\n");
        for (String session : List.of(guarded, audited)) {
            for (String rule : List.of("Bash(echo *)", "Bash(sh " + WORKSPACE + "/*)")) {
                created(ada.post(
                        "/api/permissions",
                        NodeClient.json(
                                Map.of("rule", rule, "outcome", "allow", "scope", "session", "sessionId", session))));
            }
        }
        String guardHook = created(ada.post(
                "/api/hooks",
                NodeClient.json(Map.of(
                        "name", "no-deploys",
                        "event", "PreToolUse",
                        "matcher", "Bash",
                        "type", "command",
                        "command", "sh " + guard,
                        "sessionId", guarded))));
        String auditHook = created(ada.post(
                "/api/hooks",
                NodeClient.json(Map.of(
                        "name", "audit",
                        "event", "PostToolUse",
                        "matcher", "Bash",
                        "type", "command",
                        "command", "sh " + audit,
                        "sessionId", audited))));
        String deploy = command("deploy", "echo deploying $1");

        // when: the PreToolUse command hook exits 2
        JsonNode blocked = awaitStatus(run(deploy, guarded, "prod").path("id").asString(), "blocked");

        // then: the call is blocked with the hook's stderr as the reason, and the hook ran as a child call
        assertThat(blocked.path("reason").asString()).contains("no-deploys").contains("no deploys today");
        JsonNode children = ada.get(
                        "/api/executions?parentId=" + blocked.path("id").asString())
                .json()
                .path("items");
        assertThat(children).hasSize(1);
        assertThat(children.get(0).path("origin").asString()).isEqualTo("hook");
        assertThat(children.get(0).path("exitCode").asInt()).isEqualTo(2);
        assertThat(ada.get("/api/tool-calls/" + blocked.path("id").asString()).raw())
                .as("a blocked call never ran")
                .doesNotContain("\"running\"");

        // when: a call in the other session completes, its PostToolUse command hook gets the result on stdin
        JsonNode done = awaitStatus(run(deploy, audited, "staging").path("id").asString(), "completed");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(auditLog)
                .content()
                .contains("\"hook_event_name\":\"PostToolUse\"")
                .contains("deploying staging")
                .contains(done.path("id").asString()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        ada.get("/api/executions?parentId=" + done.path("id").asString())
                                .json()
                                .path("items")
                                .findValuesAsString("status"))
                .containsExactly("completed"));
        assertThat(ada.get("/api/executions?parentId=nope").status()).isEqualTo(400);
        assertThat(ada.delete("/api/hooks/" + guardHook).status()).isEqualTo(204);
        assertThat(ada.delete("/api/hooks/" + auditHook).status()).isEqualTo(204);
    }

    @Test
    void aRunningCallCanBeCancelledAndItsProcessTreeStops() {
        // given
        String session = session("auto_accept");
        created(ada.post(
                "/api/permissions",
                NodeClient.json(Map.of(
                        "rule", "Bash(sleep *)", "outcome", "allow", "scope", "session", "sessionId", session))));
        String id = run(command("nap", "sleep 60"), session, "").path("id").asString();
        awaitStatus(id, "running");

        // when someone else tries, then the owner cancels
        assertThat(grace.post("/api/executions/" + id + "/cancel", "{}").status())
                .isEqualTo(404);
        Reply cancelled = ada.post("/api/executions/" + id + "/cancel", "{}");

        // then
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        JsonNode view = awaitStatus(id, "cancelled");
        assertThat(view.path("durationMs").asLong())
                .as("the sleep was killed, not waited for")
                .isLessThan(30_000);
        assertThat(ada.post("/api/executions/" + id + "/cancel", "{}").status())
                .as("a finished call cannot be cancelled again")
                .isEqualTo(409);
    }

    private String runtimeCall(String session, String tool, Map<String, Object> input) {
        Reply requested = ada.post(
                "/api/tool-calls",
                NodeClient.json(Map.of("tool", tool, "input", input, "sessionId", session, "cwd", "/work/project")));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        return requested.json().path("id").asString();
    }

    @Test
    void modesDecideAsClaudeCodeDoesAndSayWhichModeRuleDecided() {
        // given an auto_accept session without any rule, and a plan session whose rules allow Read and a shell command
        String accepting = session("auto_accept");
        String planning = session("plan");
        for (String rule : List.of("Read", "Bash(ls)")) {
            created(ada.post(
                    "/api/permissions",
                    NodeClient.json(
                            Map.of("rule", rule, "outcome", "allow", "scope", "session", "sessionId", planning))));
        }

        // when / then: an edit inside the workspace runs in auto_accept, one that climbs out of it asks
        String inside = runtimeCall(accepting, "Edit", Map.of("file_path", "/work/project/src/App.java"));
        assertThat(awaitStatus(inside, "approved").path("reason").asString())
                .isEqualTo("Auto-accept: file edit inside the workspace; no rule matched");
        String climbing = runtimeCall(accepting, "Write", Map.of("file_path", "/work/project/link/../../etc/x"));
        assertThat(awaitStatus(climbing, "awaiting_approval").path("reason").asString())
                .contains("not inside the workspace");
        // and in plan mode the allowed Read runs while the allowed shell command still asks
        String read = runtimeCall(planning, "Read", Map.of("file_path", "src/App.java"));
        assertThat(awaitStatus(read, "approved").path("reason").asString())
                .isEqualTo("Plan mode: read-only tool Read runs (Allowed by session rule Read)");
        // (no cwd: a shell call's working directory must be one the node's jail accepts, which is beside the point)
        Reply asked = ada.post(
                "/api/tool-calls",
                NodeClient.json(Map.of("tool", "Bash", "input", Map.of("command", "ls"), "sessionId", planning)));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(202);
        String shell = asked.json().path("id").asString();
        assertThat(awaitStatus(shell, "awaiting_approval").path("reason").asString())
                .startsWith("Plan mode: Bash may change state");
    }

    @Test
    void aRuntimeReportsTheResultOfItsOwnApprovedCallRedactedAndOnce() {
        // given: an allowed Read call from a runtime, which the node does not run itself
        String session = session("auto_accept");
        created(ada.post(
                "/api/permissions",
                NodeClient.json(
                        Map.of("rule", "Read(src/**)", "outcome", "allow", "scope", "session", "sessionId", session))));
        Reply requested = ada.post(
                "/api/tool-calls",
                NodeClient.json(Map.of(
                        "tool",
                        "Read",
                        "input",
                        Map.of("file_path", "src/App.java"),
                        "sessionId",
                        session,
                        "cwd",
                        "/work/project")));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        String id = requested.json().path("id").asString();
        awaitStatus(id, "approved");
        String result = NodeClient.json(Map.of(
                "outcome",
                "completed",
                "exitCode",
                0,
                "durationMs",
                31,
                "stdout",
                "class App {}\ntoken=owz_abcdefghijklmnopqrstuvwxyz\n"));

        // when someone else reports, then the runtime's owner does
        assertThat(grace.post("/api/tool-calls/" + id + "/result", result).status())
                .isEqualTo(404);
        Reply reported = ada.post("/api/tool-calls/" + id + "/result", result);

        // then
        assertThat(reported.status()).as(reported.raw()).isEqualTo(200);
        JsonNode done = awaitStatus(id, "completed");
        assertThat(done.path("durationMs").asLong()).isEqualTo(31);
        String output = ada.get("/api/executions/" + id + "/output").raw();
        assertThat(output).contains("class App {}").doesNotContain("owz_abcdefghijklmnopqrstuvwxyz");
        assertThat(ada.get("/api/tool-calls/" + id + "/trail")
                        .json()
                        .path("items")
                        .findValuesAsString("type"))
                .containsSubsequence("toolcall.approved", "toolcall.run-started", "toolcall.completed");
        assertThat(ada.post("/api/tool-calls/" + id + "/result", result).code())
                .as("a result is reported once")
                .isEqualTo("TOOL_CALL_ALREADY_FINISHED");
        assertThat(ada.post("/api/tool-calls/" + id + "/result", "{}").code()).isEqualTo("TOOL_CALL_INVALID_INPUT");

        // and a shell call the node runs itself takes no reported result
        created(ada.post(
                "/api/permissions",
                NodeClient.json(
                        Map.of("rule", "Bash(true)", "outcome", "allow", "scope", "session", "sessionId", session))));
        String local = run(command("yes-man", "true"), session, "").path("id").asString();
        assertThat(ada.post("/api/tool-calls/" + local + "/result", result).code())
                .isEqualTo("TOOL_CALL_NOT_REPORTABLE");
    }

    @Test
    void badInputGetsProblemsNotServerErrors() {
        assertThat(ada.post("/api/commands", NodeClient.json(Map.of("name", "Bad Name", "script", "x")))
                        .code())
                .isEqualTo("SLASH_COMMAND_INVALID_INPUT");
        command("dup", "true");
        assertThat(ada.post("/api/commands", NodeClient.json(Map.of("name", "dup", "script", "x")))
                        .code())
                .isEqualTo("SLASH_COMMAND_NAME_TAKEN");
        assertThat(ada.get("/api/tool-calls/not-an-id").status()).isEqualTo(404);
        assertThat(ada.post(
                                "/api/hooks",
                                NodeClient.json(Map.of(
                                        "name",
                                        "x",
                                        "event",
                                        "PostToolUse",
                                        "matcher",
                                        "(",
                                        "type",
                                        "webhook",
                                        "url",
                                        "https://example.com")))
                        .code())
                .isEqualTo("HOOK_MATCHER_INVALID");
        assertThat(ada.get("/api/executions?size=1000").status()).isEqualTo(400);
    }

    @Test
    void aCallWithASecretInItsInputIsRecordedRedactedYetRunsWhatWasAsked() {
        // given a command carrying a password
        String session = session("auto_accept");
        String secret = "hunter2-" + java.util.UUID.randomUUID().toString().substring(0, 8);

        // when a runtime asks for it, and its owner approves what the call shows (no rule matches, so it asks)
        Reply requested = ada.post(
                "/api/tool-calls",
                NodeClient.json(Map.of(
                        "tool",
                        "Bash",
                        "input",
                        Map.of("command", "printf '%s' 'password=" + secret + "' | wc -c"),
                        "sessionId",
                        session)));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        String id = requested.json().path("id").asString();
        JsonNode asked = awaitStatus(id, "awaiting_approval");
        assertThat(asked.path("input").path("command").asString())
                .isEqualTo("printf '%s' 'password=[REDACTED]' | wc -c");
        Reply approved = ada.post(
                "/api/approvals/" + id,
                NodeClient.json(Map.of(
                        "decision",
                        "approve",
                        "inputHash",
                        asked.path("inputHash").asString())));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);

        // then it ran the real command: 'password=' and the 16-character secret are 25 bytes, the mask would be 19
        JsonNode done = awaitStatus(id, "completed");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode output = ada.get("/api/executions/" + id + "/output").json();
            assertThat(String.join("", output.path("items").findValuesAsString("text"))
                            .strip())
                    .isEqualTo("25");
        });
        // and nothing that leaves the node or stays in the event store holds the secret
        assertThat(done.path("input").path("command").asString())
                .isEqualTo("printf '%s' 'password=[REDACTED]' | wc -c");
        assertThat(ada.get("/api/tool-calls/" + id + "/trail").raw()).doesNotContain(secret);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where convert_from(payload, 'UTF8') like ?",
                        Long.class,
                        "%" + secret + "%"))
                .isZero();
        // and the real input kept for the run is gone once the call ended
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "select count(*) from tool_call_unredacted_input where tool_call_id = ?::uuid", Long.class, id))
                .isZero());
    }

    @Test
    void importedFrontmatterIsStoredAsYamlReadsItAndExportsByteForByte() {
        // given
        String commandFile = "---\n# reviewed by ops\ndescription: Review a PR\nmodel: sonnet\nx-team:  platform\n"
                + "allowed-tools: Bash(git diff:*)\n---\ngit diff $1\n";
        String agentFile = "---\nname: reviewer\ndescription: Reviews code\nmodel: sonnet\ncolor: red # UI only\n"
                + "---\nYou review code.\n";

        // when
        Reply commands = ada.post(
                "/api/commands/import",
                NodeClient.json(Map.of(
                        "files", List.of(Map.of("path", ".claude/commands/review-pr.md", "content", commandFile)))));
        Reply agents = ada.post(
                "/api/subagents/import",
                NodeClient.json(
                        Map.of("files", List.of(Map.of("path", ".claude/agents/reviewer.md", "content", agentFile)))));

        // then values read as YAML reads them: no space left over from "key: value"
        assertThat(commands.status()).as(commands.raw()).isEqualTo(200);
        assertThat(agents.status()).as(agents.raw()).isEqualTo(200);
        String commandId = commands.json().path("imported").get(0).path("id").asString();
        String agentId = agents.json().path("imported").get(0).path("id").asString();
        JsonNode command = ada.get("/api/commands/" + commandId).json().path("frontmatter");
        assertThat(command.path("model").asString()).isEqualTo("sonnet");
        assertThat(command.path("description").asString()).isEqualTo("Review a PR");
        assertThat(command.path("#1").asString()).isEqualTo("# reviewed by ops");
        JsonNode agent = ada.get("/api/subagents/" + agentId).json().path("frontmatter");
        assertThat(agent.path("model").asString()).isEqualTo("sonnet");
        assertThat(agent.path("color").asString()).isEqualTo("red # UI only");
        // and both files come back exactly as imported, unusual spacing included
        assertThat(ada.get("/api/commands/" + commandId + "/export").raw()).isEqualTo(commandFile);
        assertThat(ada.get("/api/subagents/" + agentId + "/export").raw()).isEqualTo(agentFile);
    }

    @Test
    void aReadWithAMinVersionAheadOfTheCallWaitsForTheWriteThatReachesIt() throws Exception {
        // given a call waiting for its approval, answered with the version its request reached
        JsonNode call = run(command("wait-for-me", "echo waited"), session("plan"), "x");
        String id = call.path("id").asString();
        long requested = call.path("version").asLong();
        assertThat(requested).as("the request's answer carries its version").isPositive();

        // when a read asks for the next version before anyone has written it
        long started = System.nanoTime();
        CompletableFuture<Reply> read = CompletableFuture.supplyAsync(
                () -> ada.get("/api/tool-calls/" + id + "?minVersion=" + (requested + 1)));
        // the read waits for the version it asked for: it stays unanswered for a while
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !read.isDone());
        Reply denied = ada.post(
                "/api/approvals/" + id,
                NodeClient.json(Map.of(
                        "decision", "deny", "inputHash", call.path("inputHash").asString())));

        // then the write answers its own version, and the waiting read answers once it shows that write
        assertThat(denied.status()).as(denied.raw()).isEqualTo(200);
        assertThat(denied.json().path("version").asLong()).isEqualTo(requested + 1);
        Reply caughtUp = read.get(10, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(caughtUp.status()).as(caughtUp.raw()).isEqualTo(200);
        assertThat(caughtUp.header("X-Read-Model-Behind")).isEqualTo("false");
        assertThat(caughtUp.json().path("status").asString()).isEqualTo("denied");
        assertThat(caughtUp.json().path("version").asLong()).isEqualTo(requested + 1);
    }

    @Test
    void aReadWithAMinVersionNoWriteReachesAnswersTheCallAsBehindAfterItsWait() {
        // given
        JsonNode call = run(command("never-decided", "echo never"), session("plan"), "x");
        String id = call.path("id").asString();
        long version = call.path("version").asLong();

        // when
        long started = System.nanoTime();
        Reply read = ada.get("/api/tool-calls/" + id + "?minVersion=" + (version + 100));
        Reply unknown = ada.get("/api/tool-calls/" + java.util.UUID.randomUUID() + "?minVersion=0");

        // then, as a session's read: after the bounded wait, the call as it stands, marked behind
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.header("X-Read-Model-Behind")).isEqualTo("true");
        assertThat(read.json().path("version").asLong()).isEqualTo(version);
        assertThat(read.json().path("status").asString()).isEqualTo("awaiting_approval");
        // and a call the read model never shows is the same 404 problem as without minVersion
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.code()).isEqualTo("TOOL_CALL_NOT_FOUND");
    }
}
