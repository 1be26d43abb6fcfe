package dev.orchwiz.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The simulated users: command clients, the store-filling seed clients, readers, runtimes and approvers. */
final class Clients {

    /** Share of each command in the mixed workload (the rest of 1.0 after create and prompt is mode changes). */
    static final double CREATE_SHARE = 0.20;

    static final double PROMPT_SHARE = 0.60;
    static final double MODE_SHARE = 1.0 - CREATE_SHARE - PROMPT_SHARE;

    /** Sessions a command client keeps working on; older ones are left alone, like finished work. */
    static final int ACTIVE_SESSIONS_PER_CLIENT = 50;

    /** The commands every seeded session receives after its creation: 7 prompts and 2 mode changes. */
    static final String[] SEED_SCRIPT = {
        "prompt", "prompt", "mode", "prompt", "prompt", "prompt", "mode", "prompt", "prompt"
    };

    private static final String[] PROMPTS = {
        "Refactor the payment service so that retries use exponential backoff with jitter, and add tests for the"
                + " timeout path.",
        "Explain why the nightly build of the mobile app fails on the signing step and propose a fix.",
        "Add pagination to the audit log endpoint; keep the response shape backwards compatible.",
        "Write a migration that splits the address column into street, city and postcode, and backfill it in batches"
                + " of 10,000 rows.",
        "Review the open pull request for the search indexer and list the risks before we merge it on Friday.",
        "Generate TypeScript types from the OpenAPI document and replace the hand-written ones in the web client.",
        "Find the memory leak in the websocket gateway: heap grows by 50 MB per hour under steady load.",
        "Upgrade the logging library, fix the deprecations and make sure the JSON log format stays the same."
    };

    private Clients() {}

    /** What every client reports beyond latencies: sessions created and events written (from returned versions). */
    static final class Counters {
        final AtomicLong sessionsCreated = new AtomicLong();
        final AtomicLong eventsWritten = new AtomicLong();
    }

    /** One session as its client knows it. */
    static final class Known {
        final String id;
        String mode;
        long version;

        Known(String id, String mode, long version) {
            this.id = id;
            this.mode = mode;
            this.version = version;
        }
    }

    static Map<String, Object> newSessionBody(SplittableRandom random, long n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Bench session " + n);
        body.put("description", "Created by the OrchWiz benchmark harness to measure command throughput.");
        body.put("prompt", PROMPTS[random.nextInt(PROMPTS.length)]);
        body.put("mode", "plan");
        body.put("source", "web");
        body.put("projectName", "orchwiz-bench");
        body.put("branch", "bench/" + (n % 16));
        return body;
    }

    static Map<String, Object> promptBody(SplittableRandom random) {
        return Map.of("prompt", PROMPTS[random.nextInt(PROMPTS.length)] + " (" + random.nextInt(1_000_000) + ")");
    }

    /** Creates a session; answers it, or null when the create failed (the failure is recorded). */
    static Known create(Http http, Recorder recorder, SplittableRandom random, Counters counters, String op) {
        Http.Result result = http.post("/api/sessions", newSessionBody(random, counters.sessionsCreated.get()));
        recorder.record(op, result);
        if (!result.ok()) {
            return null;
        }
        JsonNode json = result.json();
        counters.sessionsCreated.incrementAndGet();
        long version = json.path("version").asLong(0);
        counters.eventsWritten.addAndGet(version + 1);
        return new Known(json.path("id").asText(), "plan", version);
    }

    /** Submits a prompt; answers the version written, or -1. */
    static long prompt(Http http, Recorder recorder, SplittableRandom random, Counters counters, Known session) {
        Http.Result result = http.post("/api/sessions/" + session.id + "/prompt", promptBody(random));
        recorder.record("prompt", result);
        return written(result, counters, session);
    }

    /** Flips the mode (plan ⇄ auto_accept), so that every change writes an event; answers the version, or -1. */
    static long toggleMode(Http http, Recorder recorder, Counters counters, Known session) {
        String target = session.mode.equals("plan") ? "auto_accept" : "plan";
        Http.Result result = http.post("/api/sessions/" + session.id + "/mode", Map.of("mode", target));
        recorder.record("mode", result);
        long version = written(result, counters, session);
        if (version >= 0) {
            session.mode = target;
        }
        return version;
    }

    private static long written(Http.Result result, Counters counters, Known session) {
        if (!result.ok()) {
            return -1;
        }
        long version = result.json().path("version").asLong(-1);
        if (version > session.version) {
            counters.eventsWritten.addAndGet(version - session.version);
            session.version = version;
        }
        return version;
    }

    /**
     * The mixed command workload: 20 % create a session, 60 % prompt one of the client's own recent sessions, 20 %
     * flip the mode of one. Each client works on its own sessions (as one user would), so no two clients race on one
     * aggregate and no answer is a 409/412 by design.
     */
    static final class CommandClient implements ClosedLoop.Client {
        private final Http http;
        private final Counters counters;
        private final SplittableRandom random;
        private final List<Known> sessions = new ArrayList<>();

        CommandClient(Http http, Counters counters, long seed) {
            this.http = http;
            this.counters = counters;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public boolean step(Recorder recorder) {
            double draw = random.nextDouble();
            if (sessions.isEmpty() || draw < CREATE_SHARE) {
                Known created = create(http, recorder, random, counters, "create");
                if (created != null) {
                    sessions.add(created);
                    if (sessions.size() > ACTIVE_SESSIONS_PER_CLIENT) {
                        sessions.remove(0);
                    }
                }
            } else if (draw < CREATE_SHARE + PROMPT_SHARE) {
                prompt(http, recorder, random, counters, pick());
            } else {
                toggleMode(http, recorder, counters, pick());
            }
            return true;
        }

        private Known pick() {
            return sessions.get(random.nextInt(sessions.size()));
        }
    }

    /**
     * Fills the event store: creates a session, runs {@link #SEED_SCRIPT} on it (11 events per session: started,
     * 7 interactions, execution started, 2 mode changes), and repeats until the shared event count reaches the target.
     */
    static final class SeedClient implements ClosedLoop.Client {
        private final Http http;
        private final Counters counters;
        private final long targetEvents;
        private final SplittableRandom random;
        private Known session;
        private int next;

        SeedClient(Http http, Counters counters, long targetEvents, long seed) {
            this.http = http;
            this.counters = counters;
            this.targetEvents = targetEvents;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public boolean step(Recorder recorder) {
            if (session == null || next == SEED_SCRIPT.length) {
                if (counters.eventsWritten.get() >= targetEvents) {
                    return false;
                }
                session = create(http, recorder, random, counters, "create");
                next = 0;
                return true;
            }
            if (SEED_SCRIPT[next++].equals("prompt")) {
                prompt(http, recorder, random, counters, session);
            } else {
                toggleMode(http, recorder, counters, session);
            }
            return true;
        }
    }

    /**
     * Paces a client to {@code perSecond} requests per second (at most; fewer when the node answers slower). The
     * first request is sent after a random fraction of the interval, so paced clients do not fire in step.
     */
    static ClosedLoop.Client paced(ClosedLoop.Client client, double perSecond, long seed) {
        long interval = (long) (1e9 / perSecond);
        long[] next = {System.nanoTime() + new SplittableRandom(seed).nextLong(Math.max(1, interval))};
        return recorder -> {
            long wait = next[0] - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            next[0] = Math.max(next[0] + interval, System.nanoTime() - interval);
            return client.step(recorder);
        };
    }

    /** Reads one page again and again: the session list (the web UI's home screen), the approvals inbox, the runs. */
    static final class ReadClient implements ClosedLoop.Client {
        private final Http http;
        private final String op;
        private final String path;

        ReadClient(Http http, String op, String path) {
            this.http = http;
            this.op = op;
            this.path = path;
        }

        @Override
        public boolean step(Recorder recorder) {
            recorder.record(op, http.get(path));
            return true;
        }
    }

    // --- the agent control plane: tool calls from runtimes and approvals by people ---

    /** The file every benchmarked runtime reads; the benchmark's user rule {@link #ALLOW_RULE} covers it. */
    static final String TOOL_CALL_FILE = "src/App.java";

    static final String ALLOW_RULE = "Read(src/**)";

    /**
     * The runtime's working directory, sent as {@code input.cwd}. The node anchors both the relative rule and the
     * relative {@code file_path} there; without it neither resolves, the rule never matches and every call asks.
     */
    static final String WORKING_DIRECTORY = "/srv/orchwiz-bench";

    /** What a runtime sends before it reads a file: the call is decided by the rules and the session's mode. */
    static Map<String, Object> toolCallBody(String sessionId) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("file_path", TOOL_CALL_FILE);
        input.put("cwd", WORKING_DIRECTORY);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tool", "Read");
        body.put("input", input);
        body.put("sessionId", sessionId);
        return body;
    }

    /**
     * An edit of the same file: plan mode asks before anything that changes state (as Claude Code does), while a
     * read that a rule allows runs at once even in plan mode, so only a change waits for a person.
     */
    static Map<String, Object> editCallBody(String sessionId) {
        Map<String, Object> body = toolCallBody(sessionId);
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) body.get("input");
        input.put("old_string", "class App");
        input.put("new_string", "final class App");
        body.put("tool", "Edit");
        return body;
    }

    /**
     * Creates a session in {@code mode} and answers its id once the read model shows it (null when either failed):
     * a tool call reads the session's mode from the read model, and would be refused before the session is there.
     */
    static String sessionInMode(Http http, Recorder recorder, String title, String mode) {
        Http.Result created = http.post("/api/sessions", Map.of("title", title, "mode", mode));
        recorder.record("create session", created);
        if (!created.ok()) {
            return null;
        }
        String id = created.json().path("id").asText();
        Http.Result read = http.get("/api/sessions/" + id + "?minVersion=0");
        recorder.record("read session", read);
        return read.ok() && mode.equals(read.json().path("mode").asText()) ? id : null;
    }

    /** The {@code status} field of the 2xx answers, counted across threads; a wrong one is a finding, not noise. */
    static final class Statuses {
        private final String expected;
        private final Map<String, LongAdder> seen = new ConcurrentHashMap<>();

        Statuses(String expected) {
            this.expected = expected;
        }

        String expected() {
            return expected;
        }

        /** Counts the answer's status; answers the parsed body, or null for a non-2xx answer. */
        JsonNode count(Http.Result result) {
            if (!result.ok()) {
                return null;
            }
            JsonNode json = result.json();
            count(json.path("status").asText(""));
            return json;
        }

        /** Counts a status read from elsewhere than an answer's {@code status} field (a run's state, say). */
        void count(String status) {
            seen.computeIfAbsent(status == null || status.isEmpty() ? "(none)" : status, k -> new LongAdder())
                    .increment();
        }

        Map<String, Long> counts() {
            Map<String, Long> counts = new TreeMap<>();
            seen.forEach((status, n) -> counts.put(status, n.sum()));
            return counts;
        }

        long checked() {
            return counts().values().stream().mapToLong(Long::longValue).sum();
        }

        long wrong() {
            return checked() - counts().getOrDefault(expected, 0L);
        }
    }

    /** A runtime in an auto_accept session asking, again and again, for a call the user's rule allows. */
    static final class ToolCallClient implements ClosedLoop.Client {
        private final Http http;
        private final Map<String, Object> body;
        private final Statuses statuses;

        ToolCallClient(Http http, String sessionId, Statuses statuses) {
            this.http = http;
            this.body = toolCallBody(sessionId);
            this.statuses = statuses;
        }

        @Override
        public boolean step(Recorder recorder) {
            Http.Result result = http.post("/api/tool-calls", body);
            recorder.record("tool-call", result);
            statuses.count(result);
            return true;
        }
    }

    /** A call waiting in the inbox, with the input hash an approval must name. */
    record Pending(String toolCallId, String inputHash) {}

    /**
     * A runtime in a plan session: every call it asks for waits for a person. Stops when the shared count of calls
     * reaches the target; every call that answered {@code awaiting_approval} joins {@code pending}.
     */
    static final class PendingCallClient implements ClosedLoop.Client {
        private final Http http;
        private final Map<String, Object> body;
        private final Statuses statuses;
        private final AtomicLong asked;
        private final long target;
        private final Queue<Pending> pending;

        PendingCallClient(
                Http http, String sessionId, Statuses statuses, AtomicLong asked, long target, Queue<Pending> pending) {
            this.http = http;
            this.body = editCallBody(sessionId);
            this.statuses = statuses;
            this.asked = asked;
            this.target = target;
            this.pending = pending;
        }

        @Override
        public boolean step(Recorder recorder) {
            if (asked.getAndIncrement() >= target) {
                return false;
            }
            Http.Result result = http.post("/api/tool-calls", body);
            recorder.record("pending-call", result);
            JsonNode call = statuses.count(result);
            if (call != null
                    && statuses.expected().equals(call.path("status").asText())
                    && !call.path("inputHash").asText("").isEmpty()) {
                pending.add(new Pending(
                        call.path("id").asText(), call.path("inputHash").asText()));
            }
            return true;
        }
    }

    /** A person approving calls from the inbox, one after another, until none is left. */
    record ApproverClient(Http http, Queue<Pending> pending, Statuses statuses) implements ClosedLoop.Client {

        @Override
        public boolean step(Recorder recorder) {
            Pending call = pending.poll();
            if (call == null) {
                return false;
            }
            Http.Result result = http.post(
                    "/api/approvals/" + call.toolCallId(),
                    Map.of("decision", "approve", "inputHash", call.inputHash()));
            recorder.record("decide", result);
            statuses.count(result);
            return true;
        }
    }
}
