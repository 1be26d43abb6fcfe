package dev.orchwiz.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The OrchWiz benchmark: starts a node on a fresh database (or attaches to one), then measures command throughput and
 * latency, write-to-read lag, list throughput, projection rebuild rate and memory, and writes a markdown report.
 * Exits 0 for a clean run, 3 when the run had errors, 2 for bad options and 1 when the harness itself failed.
 */
public final class Bench {

    private final Config config;
    private final NodeUnderTest node;
    private final Diagnostics diagnostics;
    private final Report report = new Report();
    private final Harness harness;

    private Bench(Config config) {
        this.config = config;
        this.node = new NodeUnderTest(config);
        this.diagnostics = new Diagnostics(config, node);
        this.harness = new Harness(
                config, node, new Clients.Counters(), new Measurement(node, diagnostics), diagnostics, report);
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.parse(args);
        } catch (Config.UsageException | IllegalArgumentException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.println(Config.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        int code;
        try {
            code = new Bench(config).run();
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    /**
     * The phases {@code --phases} asks for, in the order they run: the list at ~1,000 sessions first (comparable with
     * the original app's figure), then the store is filled to the rebuild target through the API, rebuilt, and listed
     * again at its full size; commands and lag are measured on a store that is no longer empty; the tool calls, then
     * the runs last, so the runs' direct calls and the tool-call phase meet the same node in the same sitting.
     */
    private List<Phase> phases() {
        List<Phase> phases = new ArrayList<>();
        boolean fills = config.runs("seed") || config.runs("rebuild");
        if (config.runs("list")) {
            phases.add(new ListPhase("at " + config.minSessionsForList() + "+ sessions", config.minSessionsForList()));
        }
        if (fills) {
            phases.add(new SeedPhase());
        }
        if (config.runs("rebuild")) {
            phases.add(new RebuildPhase());
        }
        if (config.runs("list") && fills) {
            phases.add(new ListPhase("after the fill", 0));
        }
        if (config.runs("commands")) {
            phases.add(new CommandsPhase());
        }
        if (config.runs("lag")) {
            phases.add(new LagPhase());
        }
        if (config.runs("toolcalls")) {
            phases.add(new ToolCallsPhase());
        }
        if (config.runs("runs")) {
            phases.add(new RunsPhase());
        }
        if (config.runs("replication")) {
            phases.add(new ReplicationPhase());
        }
        // Last: it replaces the node the other phases load.
        if (config.runs("start")) {
            phases.add(new StartPhase());
        }
        return phases;
    }

    private int run() throws Exception {
        Thread cleanup = new Thread(node::cleanUp, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Instant started = Instant.now();
        try {
            node.setUp();
            for (Phase phase : phases()) {
                phase.run(harness);
            }
            report.memoryAfterLoad = node.memory();
            diagnostics.summarize();
            String text = new ReportWriter(config, node, diagnostics, report).write(started, Instant.now());
            Files.createDirectories(config.out().toAbsolutePath().getParent());
            Files.writeString(config.out(), text, StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(text);
            log("report written to " + config.out().toAbsolutePath());
        } finally {
            node.cleanUp();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        List<String> problems = report.problems();
        if (!problems.isEmpty()) {
            log("THE RUN HAD ERRORS: " + String.join("; ", problems));
            return 3;
        }
        return 0;
    }

    static void log(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
    }
}
