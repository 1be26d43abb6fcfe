package dev.orchwiz.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The clients of the runs phase: a user prompting the node's deterministic {@code local} runtime and waiting for the
 * run to finish, and a runtime asking the control plane directly for the same Bash call a run asks for. Both measure
 * end to end: from sending the request to the first read that shows the work finished.
 */
final class RunClients {

    /** The runtime that answers at once, without a model: the node's deterministic stand-in. */
    static final String RUNTIME = "local";

    /** A prompt the local runtime echoes back: a run with one model call and no tool call. */
    static final String PLAIN_PROMPT = "hello";

    /** The local runtime turns each {@code run: <command>} line into one Bash call through the control plane. */
    static final String TOOL_COMMAND = "true";

    static final String TOOL_PROMPT = toolPrompt(1);

    /** The rule that lets those calls run unattended; the phase adds it for its user and removes it afterwards. */
    static final String ALLOW_RULE = "Bash(" + TOOL_COMMAND + ")";

    /**
     * Pause between two reads of a run or call in flight. Short against a run's duration, so the latency it adds is
     * at most this plus one read; the reads are load on the node too, and are counted in the report.
     */
    static final Duration POLL_INTERVAL = Duration.ofMillis(5);

    /** How long one run or call may take before it counts as failed. */
    static final Duration FINISH_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Runs one session takes before its client moves to a fresh one: every model call reads the session's whole
     * event stream for the transcript, so a session prompted thousands of times would slow each run down as the
     * measurement goes on, and the figure would depend on the window's length.
     */
    static final int RUNS_PER_SESSION = 20;

    /** Run states after which nothing changes any more. */
    static final Set<String> FINAL_RUN_STATES = Set.of("completed", "failed", "cancelled");

    /** Tool-call statuses after which a Bash call changes no more. */
    static final Set<String> FINAL_CALL_STATUSES =
            Set.of("completed", "failed", "timed_out", "cancelled", "denied", "blocked", "expired");

    private RunClients() {}

    /** A prompt that asks the local runtime for {@code calls} Bash calls in one model step, one line each. */
    static String toolPrompt(int calls) {
        return String.join("\n", java.util.Collections.nCopies(calls, "run: " + TOOL_COMMAND));
    }

    /**
     * An {@code auto_accept} session on the local runtime, answered once the read model shows it (null when either
     * failed): the run's tool call reads the session's mode from the read model.
     */
    static String session(Http http, Recorder recorder, String title) {
        Http.Result created =
                http.post("/api/sessions", Map.of("title", title, "mode", "auto_accept", "runtime", RUNTIME));
        recorder.record("create session", created);
        if (!created.ok()) {
            return null;
        }
        String id = created.json().path("id").asText();
        Http.Result read = http.get("/api/sessions/" + id + "?minVersion=0");
        recorder.record("read session", read);
        return read.ok() && "auto_accept".equals(read.json().path("mode").asText()) ? id : null;
    }

    /** An end-to-end outcome as the recorder counts it: 2xx with the latency, or the reason it failed. */
    static Http.Result finished(long nanos) {
        return new Http.Result(200, null, nanos, null);
    }

    static Http.Result unfinished(long nanos, String why) {
        return new Http.Result(-1, null, nanos, why);
    }

    /**
     * Polls {@code path} every {@link #POLL_INTERVAL} until {@code field} is one of {@code finals}; answers the last
     * body, or null when a read failed or the time ran out (the reads are recorded as {@code poll}).
     */
    static JsonNode awaitFinal(Http http, Recorder recorder, String path, String field, Set<String> finals) {
        long deadline = System.nanoTime() + FINISH_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
            Http.Result read = http.get(path);
            recorder.record("poll", read);
            if (!read.ok()) {
                return null;
            }
            JsonNode json = read.json();
            if (finals.contains(json.path(field).asText())) {
                return json;
            }
        }
        return null;
    }

    /**
     * Waits for {@code id} to end: from the event stream when there is one (then one read of its final state, at the
     * version the ending event made, recorded as {@code read}), otherwise by polling {@code path}. Answers the final
     * body, or null when it did not end in time or a read failed.
     */
    static JsonNode awaitEnd(
            Http http, Recorder recorder, Endings endings, String id, String path, String field, Set<String> finals) {
        if (endings == null) {
            return awaitFinal(http, recorder, path + "?minVersion=0", field, finals);
        }
        Endings.Ending ending = endings.await(id, FINISH_TIMEOUT);
        if (ending == null) {
            return null;
        }
        Http.Result read = http.get(path + "?minVersion=" + Math.max(0, ending.version()));
        recorder.record("read", read);
        if (!read.ok()) {
            return null;
        }
        JsonNode json = read.json();
        // The read waited for the ending's version, so anything but a final state here is the node's error.
        return finals.contains(json.path(field).asText()) ? json : null;
    }

    /**
     * A user prompting the local runtime in an {@code auto_accept} session, waiting for each run to finish before the
     * next prompt (closed loop). Records {@code op} from the prompt's send to the first read showing the run
     * {@code completed}; counts the runs' final states and, for runs that ask for tools, their calls' statuses.
     */
    static final class RunClient implements ClosedLoop.Client {
        private final Http http;
        private final String op;
        private final String prompt;
        private final String title;
        private final Clients.Statuses states;
        private final Clients.Statuses toolStatuses;
        private final Endings endings;
        private String session;
        private int runsInSession;

        RunClient(
                Http http,
                String op,
                String prompt,
                String title,
                Clients.Statuses states,
                Clients.Statuses tools,
                Endings endings) {
            this.http = http;
            this.endings = endings;
            this.op = op;
            this.prompt = prompt;
            this.title = title;
            this.states = states;
            this.toolStatuses = tools;
        }

        @Override
        public boolean step(Recorder recorder) {
            if (session == null || runsInSession == RUNS_PER_SESSION) {
                session = session(http, recorder, title);
                runsInSession = 0;
                if (session == null) {
                    return true;
                }
            }
            runsInSession++;
            long start = System.nanoTime();
            Http.Result posted = http.post("/api/sessions/" + session + "/prompt", Map.of("text", prompt));
            if (!posted.ok()) {
                recorder.record(op, posted);
                return true;
            }
            String runId = posted.json().path("runId").asText("");
            if (runId.isEmpty()) {
                recorder.record(op, unfinished(System.nanoTime() - start, "no run started"));
                return true;
            }
            // minVersion waits for the run (or its ending) to reach the read model, so a read is neither a 404 nor stale.
            JsonNode run = awaitEnd(http, recorder, endings, runId, "/api/runs/" + runId, "state", FINAL_RUN_STATES);
            long nanos = System.nanoTime() - start;
            if (run == null) {
                recorder.record(op, unfinished(nanos, "run not finished"));
                return true;
            }
            String state = run.path("state").asText();
            states.count(state);
            if (toolStatuses != null) {
                run.path("toolCalls")
                        .forEach(call -> toolStatuses.count(call.path("status").asText()));
            }
            recorder.record(op, "completed".equals(state) ? finished(nanos) : unfinished(nanos, "run " + state));
            return true;
        }
    }

    /**
     * A runtime asking the control plane directly for the Bash call a run asks for, in its own {@code auto_accept}
     * session, and waiting until the call has finished (run in the sandbox, or blocked when the node does not run
     * commands): the same call without the run around it. Records {@code op} from the request's send to that read.
     */
    static final class DirectCallClient implements ClosedLoop.Client {
        private final Http http;
        private final String op;
        private final Map<String, Object> body;
        private final Clients.Statuses statuses;
        private final Endings endings;

        DirectCallClient(Http http, String op, String sessionId, Clients.Statuses statuses, Endings endings) {
            this.http = http;
            this.endings = endings;
            this.op = op;
            this.statuses = statuses;
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("tool", "Bash");
            call.put("input", Map.of("command", TOOL_COMMAND));
            call.put("sessionId", sessionId);
            this.body = call;
        }

        @Override
        public boolean step(Recorder recorder) {
            long start = System.nanoTime();
            Http.Result posted = http.post("/api/tool-calls", body);
            if (!posted.ok()) {
                recorder.record(op, posted);
                return true;
            }
            String id = posted.json().path("id").asText("");
            JsonNode call =
                    FINAL_CALL_STATUSES.contains(posted.json().path("status").asText())
                            ? posted.json()
                            : awaitEnd(
                                    http, recorder, endings, id, "/api/tool-calls/" + id, "status", FINAL_CALL_STATUSES);
            long nanos = System.nanoTime() - start;
            if (call == null) {
                recorder.record(op, unfinished(nanos, "call not finished"));
                return true;
            }
            statuses.count(call.path("status").asText());
            recorder.record(op, finished(nanos));
            return true;
        }
    }
}
