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
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * The control plane refuses what a careless or hostile member sends: someone else's (or an unknown) session or
 * subagent id in a body answers like a missing one and stores nothing; a PreToolUse hook that cannot answer blocks the
 * call unless it says {@code onFailure: allow}; webhook URLs are checked when saved with the rules delivery applies;
 * hook names are unique per owner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class ControlPlaneHardeningIT {

    @DynamicPropertySource
    static void hooks(DynamicPropertyRegistry properties) {
        // Only the in-process receiver on 127.0.0.1 is a permitted target, as an operator would allow one host.
        properties.add("orchwiz.hooks.allowed-hosts", () -> "127.0.0.1");
        properties.add("orchwiz.hooks.allow-private-networks", () -> "true");
        properties.add("orchwiz.hooks.allow-plain-http", () -> "true");
    }

    static final WebhookReceiver RECEIVER = new WebhookReceiver()
            .answer("/down", delivery -> WebhookReceiver.Reply.of(503))
            .answer("/fine", delivery -> WebhookReceiver.Reply.of(204));

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    NodeClient ada;
    NodeClient grace;
    NodeClient admin;

    @BeforeEach
    void connect() {
        ada = new NodeClient(port).withToken(TestUsers.token(context, "ada@example.com", false));
        grace = new NodeClient(port).withToken(TestUsers.token(context, "grace@example.com", false));
        admin = new NodeClient(port).withToken(TestUsers.token(context, "root@example.com", true));
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    private static String session(NodeClient owner, String mode) {
        return created(owner.post("/api/sessions", NodeClient.json(Map.of("title", "hardening", "mode", mode))));
    }

    private static Map<String, Object> hook(String name, String matcher, String url, Object... more) {
        Map<String, Object> hook = new LinkedHashMap<>();
        hook.put("name", name);
        hook.put("event", "PreToolUse");
        hook.put("matcher", matcher);
        hook.put("type", "webhook");
        hook.put("url", url);
        for (int i = 0; i < more.length; i += 2) {
            hook.put((String) more[i], more[i + 1]);
        }
        return hook;
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    }

    private static void assertRefused(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.code()).as(reply.raw()).isEqualTo(code);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void idsInBodiesAnswerLikeIdsInPathsAndWriteNothing() {
        // given grace's session and subagent, and ids that exist nowhere
        String graceSession = session(grace, "plan");
        String graceSubagent = created(grace.post(
                "/api/subagents",
                NodeClient.json(Map.of("name", "grace-reviewer", "description", "reviews", "prompt", "review"))));
        String unknown = UUID.randomUUID().toString();
        String adaSession = session(ada, "auto_accept");
        String adaHook =
                created(ada.post("/api/hooks", NodeClient.json(hook("ada-own", "Read", RECEIVER.url("/fine")))));
        String adaCommand =
                created(ada.post("/api/commands", NodeClient.json(Map.of("name", "ada-echo", "script", "echo hi"))));
        // someone else's session in a path answers like this
        Reply inPath = ada.get("/api/sessions/" + graceSession);
        assertRefused(inPath, 404, "SESSION_NOT_FOUND");
        Map<String, Object> settings = Map.of("permissions", Map.of("allow", List.of("Bash(ls)")));

        for (String session : List.of(graceSession, unknown)) {
            // when ada names the session in a body, then each write answers like the path does
            assertRefused(
                    ada.post(
                            "/api/permissions",
                            NodeClient.json(Map.of(
                                    "rule", "Bash(ls)", "outcome", "allow", "scope", "session", "sessionId", session))),
                    404,
                    "SESSION_NOT_FOUND");
            assertRefused(
                    ada.post(
                            "/api/permissions",
                            NodeClient.json(Map.of(
                                    "rule", "Bash(ls)", "outcome", "allow", "scope", "user", "sessionId", session))),
                    404,
                    "SESSION_NOT_FOUND");
            assertRefused(
                    ada.post(
                            "/api/permissions/import",
                            NodeClient.json(Map.of("settings", settings, "scope", "session", "sessionId", session))),
                    404,
                    "SESSION_NOT_FOUND");
            assertRefused(
                    ada.post(
                            "/api/hooks",
                            NodeClient.json(
                                    hook("on-" + session, "Read", RECEIVER.url("/fine"), "sessionId", session))),
                    404,
                    "SESSION_NOT_FOUND");
            assertRefused(
                    ada.patch("/api/hooks/" + adaHook, NodeClient.json(Map.of("sessionId", session)), Map.of()),
                    404,
                    "SESSION_NOT_FOUND");
            assertRefused(
                    ada.post(
                            "/api/tool-calls",
                            NodeClient.json(
                                    Map.of("tool", "Read", "input", Map.of("file_path", "/x"), "sessionId", session))),
                    404,
                    "SESSION_NOT_FOUND");
            assertRefused(
                    ada.post("/api/commands/" + adaCommand + "/execute", NodeClient.json(Map.of("sessionId", session))),
                    404,
                    "SESSION_NOT_FOUND");
        }
        for (String subagent : List.of(graceSubagent, unknown)) {
            // and the same for a subagent
            assertRefused(
                    ada.post(
                            "/api/permissions",
                            NodeClient.json(Map.of(
                                    "rule",
                                    "Bash(ls)",
                                    "outcome",
                                    "allow",
                                    "scope",
                                    "subagent",
                                    "subagentId",
                                    subagent))),
                    404,
                    "SUBAGENT_NOT_FOUND");
            assertRefused(
                    ada.post(
                            "/api/permissions/import",
                            NodeClient.json(Map.of("settings", settings, "scope", "subagent", "subagentId", subagent))),
                    404,
                    "SUBAGENT_NOT_FOUND");
            assertRefused(
                    ada.post(
                            "/api/hooks",
                            NodeClient.json(
                                    hook("on-" + subagent, "Read", RECEIVER.url("/fine"), "subagentId", subagent))),
                    404,
                    "SUBAGENT_NOT_FOUND");
            assertRefused(
                    ada.patch("/api/hooks/" + adaHook, NodeClient.json(Map.of("subagentId", subagent)), Map.of()),
                    404,
                    "SUBAGENT_NOT_FOUND");
            assertRefused(
                    ada.post(
                            "/api/tool-calls",
                            NodeClient.json(Map.of(
                                    "tool",
                                    "Read",
                                    "input",
                                    Map.of("file_path", "/x"),
                                    "sessionId",
                                    adaSession,
                                    "subagentId",
                                    subagent))),
                    404,
                    "SUBAGENT_NOT_FOUND");
        }

        // then nothing was stored: not in ada's lists, not in the admin's, and ada's hook is unchanged
        for (NodeClient viewer : List.of(ada, admin)) {
            String rules = viewer.get("/api/permissions?size=100").raw();
            String hooks = viewer.get("/api/hooks?size=100").raw();
            String calls = viewer.get("/api/executions?size=100").raw();
            for (String foreign : List.of(graceSession, graceSubagent, unknown)) {
                assertThat(rules).doesNotContain(foreign);
                assertThat(hooks).doesNotContain(foreign);
                assertThat(calls).doesNotContain(foreign);
            }
        }
        JsonNode own = ada.get("/api/hooks/" + adaHook).json();
        assertThat(own.path("version").asLong()).isZero();
        assertThat(own.path("sessionId").isNull()).isTrue();
        assertThat(ada.get("/api/permissions?size=100").raw()).doesNotContain("Bash(ls)");
    }

    @Test
    void aPreToolUseHookThatCannotAnswerBlocksTheCallUnlessItAllowsFailure() {
        // given an allowed Read in auto-accept, guarded by webhooks that cannot answer: one answers 503, one has nobody
        // listening
        String session = session(ada, "auto_accept");
        created(ada.post(
                "/api/permissions",
                NodeClient.json(Map.of("rule", "Read", "outcome", "allow", "scope", "session", "sessionId", session))));
        String down = created(ada.post(
                "/api/hooks", NodeClient.json(hook("down", "Read", RECEIVER.url("/down"), "sessionId", session))));
        assertThat(ada.get("/api/hooks/" + down).json().path("onFailure").asString())
                .isEqualTo("block");

        // when a call comes
        JsonNode blocked = awaitFinal(call(session));

        // then it is blocked, and its trail says which hook failed and why
        assertThat(blocked.path("status").asString()).isEqualTo("blocked");
        assertThat(blocked.path("reason").asString())
                .contains("down")
                .contains("could not answer")
                .contains("503");
        String trail = ada.get("/api/tool-calls/" + blocked.path("id").asString() + "/trail")
                .raw();
        assertThat(trail).contains("\"verdict\":\"error\"").contains("503");
        assertThat(trail).doesNotContain("run-started").doesNotContain("toolcall.approved");

        // when the hook points where nobody listens, the call is blocked too
        Reply moved = ada.patch(
                "/api/hooks/" + down,
                NodeClient.json(Map.of("url", "http://127.0.0.1:" + closedPort() + "/gone", "timeoutSeconds", 2)),
                Map.of());
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        JsonNode undelivered = awaitFinal(call(session));
        assertThat(undelivered.path("status").asString()).isEqualTo("blocked");
        assertThat(undelivered.path("reason").asString()).contains("could not answer");

        // when its owner says a failure may let calls through, the next call goes on to its decision by mode
        Reply lenient = ada.patch("/api/hooks/" + down, NodeClient.json(Map.of("onFailure", "allow")), Map.of());
        assertThat(lenient.status()).as(lenient.raw()).isEqualTo(200);
        assertThat(ada.get("/api/hooks/" + down).json().path("onFailure").asString())
                .isEqualTo("allow");
        JsonNode allowed = awaitFinal(call(session));
        assertThat(allowed.path("status").asString()).isEqualTo("approved");
        assertThat(ada.get("/api/tool-calls/" + allowed.path("id").asString() + "/trail")
                        .raw())
                .contains("\"verdict\":\"error\"");
        assertThat(ada.post("/api/hooks", NodeClient.json(hook("bad", "Read", RECEIVER.url("/fine"), "onFailure", "x")))
                        .status())
                .isEqualTo(400);
        assertThat(ada.delete("/api/hooks/" + down).status()).isEqualTo(204);
    }

    private String call(String session) {
        Reply reply = ada.post(
                "/api/tool-calls",
                NodeClient.json(
                        Map.of("tool", "Read", "input", Map.of("file_path", "/etc/hostname"), "sessionId", session)));
        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        return reply.json().path("id").asString();
    }

    private JsonNode awaitFinal(String callId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            last[0] = ada.get("/api/tool-calls/" + callId).json();
            assertThat(last[0].path("status").asString()).isIn("blocked", "approved", "denied");
        });
        return last[0];
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Test
    void webhookUrlsAreCheckedWhenSavedWithTheRulesDeliveryApplies() {
        // given the delivery rules of this node: only 127.0.0.1
        List<String> refusedUrls = List.of(
                "http://localhost:8080/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.1/x",
                "http://2130706433/",
                "http://user@127.0.0.1/x");

        for (String url : refusedUrls) {
            // when a hook is saved with a URL delivery would refuse, then it is refused now, and nothing is stored
            assertRefused(
                    ada.post("/api/hooks", NodeClient.json(hook("ssrf", "Read", url))), 400, "HOOK_TARGET_REFUSED");
        }
        assertThat(ada.get("/api/hooks?size=100").raw()).doesNotContain("\"ssrf\"");

        // and a revision that moves a hook there is refused too, while one that keeps its URL is not
        String fine = created(ada.post("/api/hooks", NodeClient.json(hook("fine", "Read", RECEIVER.url("/fine")))));
        assertRefused(
                ada.patch("/api/hooks/" + fine, NodeClient.json(Map.of("url", "http://localhost/")), Map.of()),
                400,
                "HOOK_TARGET_REFUSED");
        ok(ada.patch("/api/hooks/" + fine, NodeClient.json(Map.of("active", false)), Map.of()));
        assertThat(ada.get("/api/hooks/" + fine).json().path("url").asString()).isEqualTo(RECEIVER.url("/fine"));

        // and an import reports such a hook as skipped, with the reason
        Reply imported = ada.post(
                "/api/hooks/import",
                NodeClient.json(Map.of(
                        "settings",
                        Map.of(
                                "hooks",
                                Map.of(
                                        "PreToolUse",
                                        List.of(Map.of(
                                                "matcher",
                                                "Read",
                                                "hooks",
                                                List.of(Map.of("type", "http", "url", "http://localhost/x")))))))));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.json().path("imported")).isEmpty();
        assertThat(imported.json().path("skipped").get(0).path("reason").asString())
                .contains("not in the allowed webhook hosts");
        assertThat(ada.delete("/api/hooks/" + fine).status()).isEqualTo(204);
    }

    @Test
    void renamingACommandOrASubagentFreesItsOldNameAndKeepsNamesUnique() {
        // given a command and a subagent, and a second of each
        String command =
                created(ada.post("/api/commands", NodeClient.json(Map.of("name", "rename-me", "script", "true"))));
        created(ada.post("/api/commands", NodeClient.json(Map.of("name", "keep-me", "script", "true"))));
        String subagent = created(ada.post(
                "/api/subagents", NodeClient.json(Map.of("name", "rename-me", "description", "d", "prompt", "p"))));
        created(ada.post(
                "/api/subagents", NodeClient.json(Map.of("name", "keep-me", "description", "d", "prompt", "p"))));

        for (String path : List.of("/api/commands/" + command, "/api/subagents/" + subagent)) {
            // when each is renamed, then the rename is accepted
            ok(ada.patch(path, NodeClient.json(Map.of("name", "renamed")), Map.of()));
            assertThat(ada.get(path).json().path("name").asString()).isEqualTo("renamed");
            // and renaming onto a name in use is still refused
            Reply taken = ada.patch(path, NodeClient.json(Map.of("name", "keep-me")), Map.of());
            assertThat(taken.status()).as(taken.raw()).isEqualTo(409);
            assertThat(taken.code()).endsWith("_NAME_TAKEN");
        }
        // and the old names are free again
        created(ada.post("/api/commands", NodeClient.json(Map.of("name", "rename-me", "script", "true"))));
        created(ada.post(
                "/api/subagents", NodeClient.json(Map.of("name", "rename-me", "description", "d", "prompt", "p"))));
    }

    @Test
    void hookNamesAreUniquePerOwner() {
        // given ada's hook "gate"
        String gate = created(ada.post("/api/hooks", NodeClient.json(hook("gate", "Read", RECEIVER.url("/fine")))));
        String other = created(ada.post("/api/hooks", NodeClient.json(hook("other", "Read", RECEIVER.url("/fine")))));

        // when she saves or renames another one to that name, then it is a conflict, and nothing changes
        assertRefused(
                ada.post("/api/hooks", NodeClient.json(hook("gate", "Write", RECEIVER.url("/fine")))),
                409,
                "HOOK_NAME_TAKEN");
        assertRefused(
                ada.patch("/api/hooks/" + other, NodeClient.json(Map.of("name", " gate ")), Map.of()),
                409,
                "HOOK_NAME_TAKEN");
        assertThat(ada.get("/api/hooks/" + other).json().path("name").asString())
                .isEqualTo("other");

        // while grace may have her own "gate", and the name is free again once ada renames or removes hers
        created(grace.post("/api/hooks", NodeClient.json(hook("gate", "Read", RECEIVER.url("/fine")))));
        ok(ada.patch("/api/hooks/" + gate, NodeClient.json(Map.of("name", "gate-2")), Map.of()));
        ok(ada.patch("/api/hooks/" + other, NodeClient.json(Map.of("name", "gate")), Map.of()));
        assertThat(ada.delete("/api/hooks/" + other).status()).isEqualTo(204);
        String again = created(ada.post("/api/hooks", NodeClient.json(hook("gate", "Read", RECEIVER.url("/fine")))));

        // and importing the same settings twice picks free names instead of failing
        Map<String, Object> settings = Map.of(
                "hooks",
                Map.of(
                        "PostToolUse",
                        List.of(Map.of(
                                "matcher",
                                "Read",
                                "hooks",
                                List.of(Map.of("type", "http", "url", RECEIVER.url("/fine")))))));
        JsonNode first = ada.post("/api/hooks/import", NodeClient.json(Map.of("settings", settings)))
                .json();
        JsonNode second = ada.post("/api/hooks/import", NodeClient.json(Map.of("settings", settings)))
                .json();
        assertThat(first.path("imported")).hasSize(1);
        assertThat(second.path("imported")).hasSize(1);
        assertThat(second.path("imported").get(0).path("name").asString())
                .isNotEqualTo(first.path("imported").get(0).path("name").asString());
        for (String id : List.of(gate, again)) {
            assertThat(ada.delete("/api/hooks/" + id).status()).isEqualTo(204);
        }
    }
}
