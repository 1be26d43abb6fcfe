package dev.orchwiz.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line settings. Every option is {@code --name value} or {@code --name=value}; see {@link #USAGE}. */
record Config(
        URI url,
        Path jar,
        int port,
        int pgPort,
        String pgUser,
        String pgPassword,
        String database,
        String jdbcUrl,
        long pid,
        List<String> nodeJvmArgs,
        int[] levels,
        Duration warmup,
        Duration duration,
        int listClients,
        int minSessionsForList,
        int lagSamples,
        int lagLoadClients,
        Duration lagTimeout,
        double lagLoadRate,
        long rebuildEvents,
        long apiEvents,
        int seedClients,
        Duration seedTimeout,
        Duration rebuildTimeout,
        int threadDumps,
        boolean jfr,
        int[] toolCallClients,
        int pendingCalls,
        int approverClients,
        int runCalls,
        boolean runWaitStream,
        int startRuns,
        boolean startCds,
        Set<String> phases,
        Path out) {

    /** The only address load may go to. */
    static final String LOOPBACK = "127.0.0.1";

    static final List<String> ALL_PHASES = List.of("commands", "lag", "list", "seed", "rebuild", "toolcalls", "runs");

    /**
     * The JVM options of the README's run command: the node is measured as it is told to run. A capped heap also
     * shows whether anything in the node grows without bound.
     */
    static final String README_JVM_ARGS = "-XX:+UseSerialGC -Xmx192m -XX:MaxMetaspaceSize=128m";

    /**
     * Phases run only when named: {@code replication} starts two further nodes of its own; {@code start} restarts the
     * node several times on its (then initialised) database.
     */
    static final List<String> OPTIONAL_PHASES = List.of("replication", "start");

    static final String USAGE = """
            java -jar bench/target/orchwiz-bench.jar [options]

            Node (default: start query-side/target/orchwiz-node.jar on a fresh database, stop it and drop the database at the end)
              --jar PATH               node jar (default <repo>/query-side/target/orchwiz-node.jar)
              --port N                 HTTP port for the started node (default: a free port)
              --pg-port N              local PostgreSQL port (default 5432; host is always 127.0.0.1)
              --pg-user NAME           (default postgres)     --pg-password PW (default empty: trust auth)
              --database NAME          database to create and drop (default orchwiz_bench_<timestamp>)
              --node-jvm-args "A B"    JVM options for the node, space separated (default: the README's run command,
                                       "%s"; "" for JVM defaults)
              --url http://127.0.0.1:PORT   attach to a running node instead (host must be 127.0.0.1)
              --jdbc-url URL           with --url: its database, for event counts and wait sampling (optional)
              --pid N                  with --url: the node's process id, for RSS and CPU (optional)
            Load
              --levels 1,8,32          concurrent command clients per level, and users prompting runs (default 1,8,32)
              --warmup 10              seconds of warm-up per level, excluded from figures (default 10)
              --duration 20            measured seconds per level (default 20)
              --list-clients 8         clients for the list benchmark (default 8)
              --min-sessions 1000      sessions present before the list benchmark (default 1000)
              --lag-samples 150        write-to-read lag samples, idle and under load each (default 150)
              --lag-load-clients 8     command clients running while lag is sampled under load (default 8)
              --lag-load-rate 200      total commands/s of those clients (paced; 0 = as fast as they can) (default 200)
              --lag-timeout 240        seconds each lag measurement may take at most (default 240)
              --rebuild-events 100000  events the store must hold before the rebuild (default 100000; also --events)
              --api-events 100000      of those, written through the API; the rest are copies of the sessions' event
                                       streams made in the database (needs database access) (default 100000)
              --seed-clients 16        clients that fill the event store (default 16)
              --seed-timeout 1800      seconds the fill may take at most (default 1800)
              --rebuild-timeout 1800   seconds the rebuild may take at most (default 1800)
              --thread-dumps 3         node thread dumps taken during the top level (default 3, 0 = none)
              --jfr true|false         record a JFR profile of the node during the top level (default true)
              --toolcall-clients 8,32  concurrent runtimes posting allowed tool calls, per level (default 8,32)
              --pending-calls 1000     calls left awaiting approval for the inbox reads and the decisions (default 1000)
              --approver-clients 8     clients approving those calls (default 8); the inbox readers are --list-clients
              --run-calls 4            runs: calls the many-call run asks for in one step (default 4, at least 2)
              --run-wait stream|poll   runs: clients learn that a run or call ended from the event stream (default)
                                       or by reading its status every 5 ms (as before 2026-12-07)
              --phases LIST            subset of commands,lag,list,seed,rebuild,toolcalls,runs (default all),
                                   and replication (two more nodes A → B; only when named),
                                   and start (restarts on the initialised database; only when named, runs last)
              --start-runs 3           start: restarts measured per launch (default 3)
              --start-cds true|false   start: also launch the extracted jar, alone and with a class-data archive
                                       (trained first), in turn with the plain jar (default true)
              --out PATH               markdown report (default bench/target/report.md)
            """.formatted(Config.README_JVM_ARGS);

    static Config parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new UsageException(null);
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (name.equals("jfr")) {
                // A flag: "--jfr" alone means true; "--jfr false" and "--jfr=false" turn it off.
                boolean explicit = i + 1 < args.length && args[i + 1].matches("true|false");
                value = explicit ? args[++i] : "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("--" + name + " needs a value");
            }
            options.put(name, value);
        }
        Set<String> known = Set.of(
                "jar",
                "port",
                "pg-port",
                "pg-user",
                "pg-password",
                "database",
                "node-jvm-args",
                "url",
                "jdbc-url",
                "pid",
                "levels",
                "warmup",
                "duration",
                "list-clients",
                "min-sessions",
                "lag-samples",
                "lag-load-clients",
                "lag-timeout",
                "lag-load-rate",
                "rebuild-events",
                "events",
                "api-events",
                "seed-clients",
                "seed-timeout",
                "rebuild-timeout",
                "thread-dumps",
                "jfr",
                "toolcall-clients",
                "pending-calls",
                "approver-clients",
                "run-calls",
                "run-wait",
                "start-runs",
                "start-cds",
                "phases",
                "out");
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }

        Path root = repositoryRoot();
        URI url = null;
        if (options.containsKey("url")) {
            url = URI.create(options.get("url").replaceAll("/+$", ""));
            if (!LOOPBACK.equals(url.getHost()) || !"http".equals(url.getScheme())) {
                throw new UsageException("--url must be http://127.0.0.1:<port>: load goes to 127.0.0.1 only");
            }
        }
        String jdbcUrl = options.get("jdbc-url");
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql://" + LOOPBACK + ":")) {
            throw new UsageException("--jdbc-url must be jdbc:postgresql://127.0.0.1:<port>/<db>");
        }
        int[] levels = clientLevels(options.getOrDefault("levels", "1,8,32"));
        if (options.containsKey("events") && options.containsKey("rebuild-events")) {
            throw new UsageException("--events is another name for --rebuild-events: give one of them");
        }
        long rebuildEvents =
                Long.parseLong(options.getOrDefault("events", options.getOrDefault("rebuild-events", "100000")));
        int[] toolCallClients = clientLevels(options.getOrDefault("toolcall-clients", "8,32"));
        int pendingCalls = Integer.parseInt(options.getOrDefault("pending-calls", "1000"));
        if (pendingCalls < 10 || pendingCalls > 100_000) {
            // At least ten, so that a tenth of them can warm the decision path up.
            throw new UsageException("--pending-calls must be between 10 and 100000");
        }
        int runCalls = Integer.parseInt(options.getOrDefault("run-calls", "4"));
        if (runCalls < 2 || runCalls > 32) {
            // Two at least: the per-call figure is the difference between this run and the one-call run.
            throw new UsageException("--run-calls must be between 2 and 32");
        }
        String runWait = options.getOrDefault("run-wait", "stream");
        if (!runWait.equals("stream") && !runWait.equals("poll")) {
            throw new UsageException("--run-wait must be stream or poll");
        }
        Set<String> phases = new LinkedHashSet<>();
        for (String phase :
                options.getOrDefault("phases", String.join(",", ALL_PHASES)).split(",")) {
            if (!ALL_PHASES.contains(phase.trim()) && !OPTIONAL_PHASES.contains(phase.trim())) {
                throw new UsageException("unknown phase " + phase);
            }
            phases.add(phase.trim());
        }
        List<String> jvmArgs = new ArrayList<>();
        for (String part :
                options.getOrDefault("node-jvm-args", README_JVM_ARGS).trim().split("\\s+")) {
            if (!part.isBlank()) {
                jvmArgs.add(part);
            }
        }
        Path defaultOut = Files.isDirectory(root.resolve("bench"))
                ? root.resolve("bench/target/report.md")
                : Path.of("target/report.md");
        return new Config(
                url,
                Path.of(options.getOrDefault(
                        "jar",
                        root.resolve("query-side/target/orchwiz-node.jar").toString())),
                Integer.parseInt(options.getOrDefault("port", "0")),
                Integer.parseInt(options.getOrDefault("pg-port", "5432")),
                options.getOrDefault("pg-user", "postgres"),
                options.getOrDefault("pg-password", ""),
                options.get("database"),
                jdbcUrl,
                Long.parseLong(options.getOrDefault("pid", "0")),
                List.copyOf(jvmArgs),
                levels,
                seconds(options.getOrDefault("warmup", "10")),
                seconds(options.getOrDefault("duration", "20")),
                positive(options.getOrDefault("list-clients", "8")),
                Integer.parseInt(options.getOrDefault("min-sessions", "1000")),
                Integer.parseInt(options.getOrDefault("lag-samples", "150")),
                positive(options.getOrDefault("lag-load-clients", "8")),
                seconds(options.getOrDefault("lag-timeout", "240")),
                Double.parseDouble(options.getOrDefault("lag-load-rate", "200")),
                rebuildEvents,
                Math.min(rebuildEvents, Long.parseLong(options.getOrDefault("api-events", "100000"))),
                positive(options.getOrDefault("seed-clients", "16")),
                seconds(options.getOrDefault("seed-timeout", "1800")),
                seconds(options.getOrDefault("rebuild-timeout", "1800")),
                Integer.parseInt(options.getOrDefault("thread-dumps", "3")),
                Boolean.parseBoolean(options.getOrDefault("jfr", "true")),
                toolCallClients,
                pendingCalls,
                positive(options.getOrDefault("approver-clients", "8")),
                runCalls,
                runWait.equals("stream"),
                positive(options.getOrDefault("start-runs", "3")),
                Boolean.parseBoolean(options.getOrDefault("start-cds", "true")),
                phases,
                Path.of(options.getOrDefault("out", defaultOut.toString())));
    }

    boolean startsNode() {
        return url == null;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** The repository root: the working directory, or its parent when run from inside bench/. */
    static Path repositoryRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve("query-side"))) {
            return cwd;
        }
        if (cwd.getParent() != null && Files.isDirectory(cwd.getParent().resolve("query-side"))) {
            return cwd.getParent();
        }
        return cwd;
    }

    /** A comma-separated list of client counts, e.g. {@code 1,8,32}. */
    private static int[] clientLevels(String value) {
        int[] levels = Arrays.stream(value.split(","))
                .map(String::trim)
                .mapToInt(Integer::parseInt)
                .toArray();
        for (int level : levels) {
            if (level < 1 || level > 512) {
                throw new UsageException("client levels must be between 1 and 512");
            }
        }
        return levels;
    }

    private static Duration seconds(String value) {
        Duration duration = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        if (duration.isNegative()) {
            throw new UsageException("durations must not be negative");
        }
        return duration;
    }

    private static int positive(String value) {
        int number = Integer.parseInt(value);
        if (number < 1 || number > 512) {
            throw new UsageException("client counts must be between 1 and 512");
        }
        return number;
    }

    static class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
