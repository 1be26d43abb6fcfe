package dev.orchwiz.command.run.runtime.openclaw;

import dev.orchwiz.api.run.RunFailure;
import dev.orchwiz.command.run.runtime.RuntimeFailure;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One signed-in WebSocket connection to an OpenClaw gateway, shared by every call of the runtime: it does the
 * challenge/connect handshake, matches responses to requests by id, and routes each run's {@code agent} events and
 * each session's exec approvals to the call that owns them. Frames are never logged: the connect frame carries the
 * token and the others carry conversation text.
 */
final class GatewayConnection implements WebSocket.Listener {

    /** The protocol versions this client speaks: 3 (field anchors) and 4 (the gateway's current docs) frame alike. */
    static final int MIN_PROTOCOL = 3;

    static final int MAX_PROTOCOL = 4;
    static final List<String> SCOPES = List.of("operator.read", "operator.write", "operator.approvals");
    /** Without this capability the gateway sends no {@code tool} stream events. */
    static final List<String> CAPS = List.of("tool-events");

    /** Events of a run whose id is not known yet (they can overtake the agent response); bounded against a flood. */
    private static final int MAX_UNCLAIMED_EVENTS = 2_000;

    private static final Logger log = LoggerFactory.getLogger(GatewayConnection.class);

    /** What a call hears from the connection; every method is called on the socket's thread and must not block. */
    interface Subscriber {
        void event(String event, JsonNode payload);

        void response(JsonNode frame);

        void lost(String reason);
    }

    private final ObjectMapper json;
    private final OpenClawProperties properties;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Subscriber> responseSubscribers = new ConcurrentHashMap<>();
    private final Map<String, Subscriber> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> runSessions = new ConcurrentHashMap<>();
    private final Map<String, Deque<JsonNode>> unclaimed = new LinkedHashMap<>();
    private final CompletableFuture<JsonNode> challenge = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile String closedReason;
    private int unclaimedCount;

    private GatewayConnection(ObjectMapper json, OpenClawProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    /** Opens the socket and signs in; any failure is a {@link RuntimeFailure} that names no secret. */
    static GatewayConnection open(OpenClawProperties properties, ObjectMapper json) throws RuntimeFailure {
        GatewayConnection connection = new GatewayConnection(json, properties);
        connection.connect();
        return connection;
    }

    boolean isOpen() {
        return closedReason == null && socket != null && !socket.isOutputClosed() && !socket.isInputClosed();
    }

    private void connect() throws RuntimeFailure {
        Duration timeout = properties.connectTimeout();
        String where = "OpenClaw gateway at " + properties.safeUrl();
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            socket = client.newWebSocketBuilder()
                    .connectTimeout(timeout)
                    .buildAsync(properties.url(), this)
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unavailable(where + " is unreachable: " + describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw unavailable(where + " did not accept a connection within " + timeout, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(RunFailure.INTERRUPTED, "Interrupted while connecting to the " + where, false);
        }
        try {
            JsonNode hello = handshake(timeout, where);
            log.info(
                    "Connected to the {} (protocol {}, server {})",
                    where,
                    hello.path("protocol").asInt(),
                    hello.path("server").path("version").asString(""));
        } catch (RuntimeFailure failure) {
            close();
            throw failure;
        }
    }

    private JsonNode handshake(Duration timeout, String where) throws RuntimeFailure {
        JsonNode nonce;
        try {
            nonce = challenge.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unavailable(where + " sent no connect.challenge within " + timeout, null);
        } catch (ExecutionException e) {
            throw unavailable(where + " " + e.getCause().getMessage() + " before the handshake", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(RunFailure.INTERRUPTED, "Interrupted during the gateway handshake", false);
        }
        log.debug(
                "{} sent its challenge (nonce of {} characters)",
                where,
                nonce.asString("").length());
        JsonNode response = await(request("connect", connectParams()), timeout, where + " did not answer connect");
        if (!response.path("ok").asBoolean(false)) {
            throw unavailable(where + " refused the connection: " + errorText(response.path("error")), null);
        }
        JsonNode hello = response.path("payload");
        if (!"hello-ok".equals(hello.path("type").asString(""))) {
            throw new RuntimeFailure(
                    RunFailure.RUNTIME_BAD_RESPONSE, where + " answered connect without hello-ok", true);
        }
        return hello;
    }

    /**
     * The connect request's params. No {@code device} identity: OrchWiz signs in with the shared gateway token as the
     * gateway's automation client, so gateways that insist on device pairing answer NOT_PAIRED, which the call
     * reports as the reason.
     */
    private ObjectNode connectParams() {
        ObjectNode params = json.createObjectNode();
        params.put("minProtocol", MIN_PROTOCOL);
        params.put("maxProtocol", MAX_PROTOCOL);
        ObjectNode client = params.putObject("client");
        client.put("id", properties.clientId());
        client.put("displayName", "OrchWiz");
        client.put("version", OpenClawRuntime.CLIENT_VERSION);
        client.put("platform", System.getProperty("os.name", "unknown").toLowerCase());
        client.put("mode", properties.clientMode());
        params.put("role", "operator");
        SCOPES.forEach(params.putArray("scopes")::add);
        CAPS.forEach(params.putArray("caps")::add);
        if (properties.token() != null) {
            params.putObject("auth").put("token", properties.token());
        }
        params.put("locale", "en-US");
        params.put("userAgent", "orchwiz/" + OpenClawRuntime.CLIENT_VERSION);
        return params;
    }

    /** Sends a request whose one answer completes the returned future. */
    CompletableFuture<JsonNode> request(String method, ObjectNode params) throws RuntimeFailure {
        String id = nextId();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            send(frame(id, method, params));
        } catch (RuntimeFailure failure) {
            pending.remove(id);
            throw failure;
        }
        return answer;
    }

    /** Sends a request whose answers (the gateway may send more than one for {@code agent}) go to the subscriber. */
    String stream(String method, ObjectNode params, Subscriber subscriber) throws RuntimeFailure {
        String id = nextId();
        responseSubscribers.put(id, subscriber);
        try {
            send(frame(id, method, params));
        } catch (RuntimeFailure failure) {
            responseSubscribers.remove(id);
            throw failure;
        }
        return id;
    }

    /** Sends a request and forgets its answer (an abort, an approval's resolution): nothing waits on it. */
    void notify(String method, ObjectNode params) {
        try {
            request(method, params).whenComplete((answer, error) -> {
                if (answer != null && !answer.path("ok").asBoolean(false)) {
                    log.warn("The gateway refused {}: {}", method, errorText(answer.path("error")));
                }
            });
        } catch (RuntimeFailure failure) {
            log.warn("Could not send {} to the gateway: {}", method, failure.getMessage());
        }
    }

    void subscribe(String sessionKey, Subscriber subscriber) {
        sessions.put(sessionKey, subscriber);
    }

    /**
     * Ties a run id to its session and hands over the events that arrived before the id was known, under the same
     * lock the socket thread routes with, so no event slips between the buffer and the subscriber out of order.
     */
    void claimRun(String runId, String sessionKey) {
        synchronized (unclaimed) {
            runSessions.put(runId, sessionKey);
            Deque<JsonNode> early = unclaimed.remove(runId);
            Subscriber subscriber = sessions.get(sessionKey);
            if (early != null) {
                unclaimedCount -= early.size();
                if (subscriber != null) {
                    early.forEach(payload -> subscriber.event("agent", payload));
                }
            }
        }
    }

    void unsubscribe(String sessionKey, List<String> runIds, String requestId) {
        sessions.remove(sessionKey);
        runIds.forEach(runSessions::remove);
        if (requestId != null) {
            responseSubscribers.remove(requestId);
        }
    }

    void close() {
        WebSocket current = socket;
        if (current != null && !current.isOutputClosed()) {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        lose("the connection was closed by OrchWiz");
    }

    private synchronized void send(String text) throws RuntimeFailure {
        if (closedReason != null) {
            throw unavailable("The OpenClaw gateway connection is gone: " + closedReason, null);
        }
        try {
            // One send at a time: the JDK socket refuses a send while the previous one is still being written.
            socket.sendText(text, true).get(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable("Could not write to the OpenClaw gateway: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(RunFailure.INTERRUPTED, "Interrupted while writing to the gateway", false);
        }
    }

    private String frame(String id, String method, ObjectNode params) {
        ObjectNode frame = json.createObjectNode();
        frame.put("type", "req");
        frame.put("id", id);
        frame.put("method", method);
        frame.set("params", params);
        return json.writeValueAsString(frame);
    }

    private String nextId() {
        return "orchwiz-" + ids.incrementAndGet();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                dispatch(json.readTree(text));
            } catch (RuntimeException e) {
                // A frame that is not JSON is a gateway fault; the calls fail on its consequences (no answer, a gap).
                log.warn("Ignored a gateway frame that is not valid JSON ({} characters)", text.length());
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        lose("the gateway closed the connection (" + statusCode
                + (reason == null || reason.isBlank() ? "" : " " + scrub(reason)) + ")");
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        lose("the connection failed: " + describe(error));
    }

    private void dispatch(JsonNode frame) {
        String type = frame.path("type").asString("");
        if ("res".equals(type)) {
            String id = frame.path("id").asString("");
            CompletableFuture<JsonNode> answer = pending.remove(id);
            if (answer != null) {
                answer.complete(frame);
                return;
            }
            Subscriber subscriber = responseSubscribers.get(id);
            if (subscriber != null) {
                subscriber.response(frame);
            }
        } else if ("event".equals(type)) {
            dispatchEvent(frame.path("event").asString(""), frame.path("payload"));
        }
    }

    private void dispatchEvent(String event, JsonNode payload) {
        switch (event) {
            case "connect.challenge" -> challenge.complete(payload.path("nonce"));
            case "agent" -> routeAgentEvent(payload);
            case "exec.approval.requested" -> {
                // Approvals are broadcast to every operator: answer only those of sessions this runtime started.
                Subscriber subscriber =
                        sessions.get(payload.path("request").path("sessionKey").asString(""));
                if (subscriber != null) {
                    subscriber.event(event, payload);
                }
            }
            case "shutdown" ->
                lose("the gateway is shutting down ("
                        + scrub(payload.path("reason").asString("")) + ")");
            default -> {
                // tick, health, presence, chat and the rest carry nothing a call needs.
            }
        }
    }

    private void routeAgentEvent(JsonNode payload) {
        String runId = payload.path("runId").asString("");
        synchronized (unclaimed) {
            String sessionKey = runSessions.get(runId);
            if (sessionKey == null) {
                sessionKey = payload.path("sessionKey").asString("");
            }
            Subscriber subscriber = sessions.get(sessionKey);
            if (subscriber != null) {
                subscriber.event("agent", payload);
            } else {
                // Another client's run, or ours before its id is known: kept until claimed, the oldest run's dropped
                // first when the buffer is full (another client's runs are never claimed).
                while (unclaimedCount >= MAX_UNCLAIMED_EVENTS && !unclaimed.isEmpty()) {
                    String eldest = unclaimed.keySet().iterator().next();
                    unclaimedCount -= unclaimed.remove(eldest).size();
                }
                unclaimed.computeIfAbsent(runId, id -> new ArrayDeque<>()).add(payload);
                unclaimedCount++;
            }
        }
    }

    /** Marks the connection dead once and tells every waiting call why. */
    private void lose(String reason) {
        synchronized (this) {
            if (closedReason != null) {
                return;
            }
            closedReason = reason;
        }
        challenge.completeExceptionally(new IllegalStateException(reason));
        pending.values().forEach(answer -> answer.completeExceptionally(new IllegalStateException(reason)));
        pending.clear();
        sessions.values().forEach(subscriber -> subscriber.lost(reason));
        log.info("OpenClaw gateway connection ended: {}", reason);
    }

    JsonNode await(CompletableFuture<JsonNode> answer, Duration timeout, String what) throws RuntimeFailure {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unavailable(what + " within " + timeout, null);
        } catch (ExecutionException e) {
            throw unavailable(what + ": " + e.getCause().getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeFailure(RunFailure.INTERRUPTED, "Interrupted while waiting for the gateway", false);
        }
    }

    /** The gateway's error shape in one line: the detail code when it has one, then its code and message. */
    String errorText(JsonNode error) {
        String detail = error.path("details").path("code").asString("");
        String code = error.path("code").asString("UNKNOWN");
        String message = error.path("message").asString("");
        return scrub((detail.isEmpty() ? code : code + "/" + detail) + (message.isEmpty() ? "" : ": " + message));
    }

    /**
     * Gateway text goes into failure reasons, which are stored and shown: the token is cut out of it in case the
     * gateway echoes what it was sent, and the text is bounded.
     */
    String scrub(String text) {
        String clean = text == null ? "" : text;
        if (properties.token() != null) {
            clean = clean.replace(properties.token(), "***");
        }
        return clean.length() > 500 ? clean.substring(0, 500) + "…" : clean;
    }

    private String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return scrub(root.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    private static RuntimeFailure unavailable(String reason, Throwable cause) {
        return new RuntimeFailure(RunFailure.RUNTIME_UNAVAILABLE, reason, true, cause);
    }
}
