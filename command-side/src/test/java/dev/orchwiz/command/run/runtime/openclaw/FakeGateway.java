package dev.orchwiz.command.run.runtime.openclaw;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-process OpenClaw gateway speaking the documented frames: it challenges every new socket, checks the connect
 * request's token (echoing it in its refusal, as a careless gateway might, so tests can see it is not passed on),
 * answers {@code chat.abort} and {@code exec.approval.resolve}, and lets each test script {@code agent}. Shared with the
 * query side's tests (command-side test jar).
 */
public final class FakeGateway extends WebSocketServer implements AutoCloseable {

    public static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String token;
    private final CountDownLatch started = new CountDownLatch(1);
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final Map<String, BiConsumer<WebSocket, JsonNode>> handlers = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();

    public FakeGateway(String token) throws InterruptedException {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.token = token;
        setReuseAddr(true);
        handlers.put("connect", this::connect);
        handlers.put(
                "chat.abort",
                (socket, request) -> ok(socket, request, JSON.createObjectNode().put("aborted", true)));
        handlers.put("exec.approval.resolve", (socket, request) -> ok(socket, request, JSON.createObjectNode()));
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fake gateway did not start");
        }
    }

    public String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    /** What the gateway does with a request of this method; the handler runs on the gateway's socket thread. */
    public FakeGateway on(String method, BiConsumer<WebSocket, JsonNode> handler) {
        handlers.put(method, handler);
        return this;
    }

    public int connections() {
        return connections.get();
    }

    public List<JsonNode> requests(String method) {
        return requests.stream()
                .filter(request -> method.equals(request.path("method").asString("")))
                .toList();
    }

    /** The first request of this method, waiting for it to arrive (the client sends aborts without waiting). */
    public JsonNode awaitRequest(String method, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<JsonNode> found = requests(method);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the gateway received no " + method + " request within " + timeout);
    }

    public List<JsonNode> allRequests() {
        return List.copyOf(requests);
    }

    private void connect(WebSocket socket, JsonNode request) {
        String sent = request.path("params").path("auth").path("token").asString("");
        if (!sent.equals(token)) {
            ObjectNode error = JSON.createObjectNode();
            error.put("code", "INVALID_REQUEST");
            error.put("message", "unauthorized: gateway token mismatch (got " + sent + ")");
            error.putObject("details").put("code", "AUTH_TOKEN_MISMATCH");
            send(socket, response(request, false).set("error", error));
            socket.close(1008, "invalid handshake " + sent);
            return;
        }
        ObjectNode hello = JSON.createObjectNode();
        hello.put("type", "hello-ok");
        hello.put("protocol", 3);
        hello.putObject("server").put("version", "fake").put("connId", "c-" + connections.get());
        hello.putObject("policy")
                .put("tickIntervalMs", 15000)
                .put("maxPayload", 26214400)
                .put("maxBufferedBytes", 52428800);
        ok(socket, request, hello);
    }

    public static void ok(WebSocket socket, JsonNode request, JsonNode payload) {
        send(socket, response(request, true).set("payload", payload));
    }

    /** The agent request's first answer: accepted, with the run's id. */
    public static void accept(WebSocket socket, JsonNode request, String runId) {
        ok(
                socket,
                request,
                JSON.createObjectNode()
                        .put("runId", runId)
                        .put("status", "accepted")
                        .put("acceptedAt", 1));
    }

    public static void agentEvent(WebSocket socket, String runId, long seq, String stream, ObjectNode data) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("runId", runId);
        payload.put("seq", seq);
        payload.put("stream", stream);
        payload.put("ts", System.currentTimeMillis());
        payload.set("data", data);
        event(socket, "agent", payload);
    }

    public static void event(WebSocket socket, String event, JsonNode payload) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("type", "event");
        frame.put("event", event);
        frame.set("payload", payload);
        send(socket, frame);
    }

    /** The gateway asks its operators to approve a command of the run in the given gateway session. */
    public static void execApprovalRequested(WebSocket socket, String id, String sessionKey, String command) {
        long now = System.currentTimeMillis();
        ObjectNode payload = data().put("id", id).put("createdAtMs", now).put("expiresAtMs", now + 60_000);
        payload.set(
                "request",
                data().put("command", command)
                        .put("cwd", "/home/user")
                        .put("host", "gateway")
                        .put("sessionKey", sessionKey));
        event(socket, "exec.approval.requested", payload);
    }

    public static ObjectNode data() {
        return JSON.createObjectNode();
    }

    private static ObjectNode response(JsonNode request, boolean ok) {
        ObjectNode frame = JSON.createObjectNode();
        frame.put("type", "res");
        frame.put("id", request.path("id").asString());
        frame.put("ok", ok);
        return frame;
    }

    public static void send(WebSocket socket, JsonNode frame) {
        socket.send(JSON.writeValueAsString(frame));
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        connections.incrementAndGet();
        event(
                socket,
                "connect.challenge",
                JSON.createObjectNode().put("nonce", "n-1").put("ts", 1));
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        JsonNode request = JSON.readTree(message);
        requests.add(request);
        BiConsumer<WebSocket, JsonNode> handler =
                handlers.get(request.path("method").asString(""));
        if (handler != null) {
            handler.accept(socket, request);
        }
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket socket, Exception error) {}

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        stop(1000);
    }
}
