package dev.orchwiz.bench;

import static dev.orchwiz.bench.Markdown.fmt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --phases start}: the node restarted on its own database, which the harness's first start initialised
 * (migrations applied, node key made), as an operator restarts a node. Each start is timed from the process's start
 * to {@code GET /actuator/health} answering 200, with the node's CPU time until then. With {@code --start-cds} the
 * extracted jar (the layout alone, and with a class-data archive as infra/README.md makes it) is started in turn with
 * the plain jar, so that every launch meets the same load of a shared machine; the archive is made first by the
 * documented training run. The last start stays up as the harness's node.
 */
final class StartPhase implements Phase {

    /** Where the extracted layout keeps its archive, as infra/README.md names it. */
    private static final String ARCHIVE = "orchwiz-node.jsa";

    @Override
    public void run(Harness harness) throws Exception {
        Config config = harness.config();
        NodeUnderTest node = harness.node();
        Report report = harness.report();
        if (!config.startsNode()) {
            report.problem("start: needs a node the harness starts (not --url)");
            return;
        }
        Path dir = node.targetDir().resolve("start");
        Path jar = NodeProcess.privateCopy(config, dir);
        Path extracted = null;
        List<String> archiveArgs = List.of();
        double trainingSeconds = Double.NaN;
        if (config.startCds()) {
            node.stopNode();
            extracted = dir.resolve("extracted");
            Bench.log("start: extracting " + jar.getFileName() + " to " + extracted);
            int code = NodeProcess.java(
                    List.of(
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--force",
                            "--destination",
                            extracted.toString()),
                    dir.resolve("extract.log"));
            if (code != 0) {
                report.problem("start: extracting the jar failed with " + code + "; see " + dir.resolve("extract.log"));
                return;
            }
            Path archive = extracted.resolve(ARCHIVE);
            Files.deleteIfExists(archive);
            Bench.log("start: training run for the class-data archive");
            long t0 = System.nanoTime();
            code = NodeProcess.runToExit(
                    config,
                    extracted.resolve(jar.getFileName()),
                    List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"),
                    node.jdbcUrl(),
                    dir.resolve("training.log"));
            trainingSeconds = Measurement.secondsSince(t0);
            if (code != 0 || !Files.isRegularFile(archive)) {
                report.problem("start: the training run ended with " + code + " and no archive; see "
                        + dir.resolve("training.log"));
                return;
            }
            archiveArgs = List.of("-XX:SharedArchiveFile=" + archive);
        }
        List<NodeUnderTest.Start> plain = new ArrayList<>();
        List<NodeUnderTest.Start> extractedOnly = new ArrayList<>();
        List<NodeUnderTest.Start> withArchive = new ArrayList<>();
        for (int i = 1; i <= config.startRuns(); i++) {
            plain.add(start(node, jar, List.of(), dir.resolve("plain-" + i + ".log"), "plain jar, start " + i));
            if (extracted != null) {
                extractedOnly.add(start(
                        node,
                        extracted.resolve(jar.getFileName()),
                        List.of(),
                        dir.resolve("extracted-" + i + ".log"),
                        "extracted jar, start " + i));
                withArchive.add(start(
                        node,
                        extracted.resolve(jar.getFileName()),
                        archiveArgs,
                        dir.resolve("archive-" + i + ".log"),
                        "extracted jar + archive, start " + i));
            }
        }
        List<String> lines = report.start;
        lines.add("## Start on an initialised database");
        lines.add("");
        lines.add("Process start to `/actuator/health` 200, node JVM options `" + String.join(" ", config.nodeJvmArgs())
                + "`; starts alternate between the launches. Logs: `" + dir + "`.");
        lines.add("");
        lines.add("| launch | wall s, each start | CPU s, each start | wall s, median |");
        lines.add("|---|---|---|---|");
        lines.add(row("`java -jar orchwiz-node.jar` (README)", plain));
        if (extracted != null) {
            lines.add(row("extracted jar, no archive", extractedOnly));
            lines.add(row("extracted jar + class-data archive (infra/README.md)", withArchive));
            lines.add("");
            lines.add("The archive's training run took " + fmt(trainingSeconds, 1) + " s.");
        }
    }

    private static NodeUnderTest.Start start(NodeUnderTest node, Path jar, List<String> args, Path log, String label)
            throws Exception {
        NodeUnderTest.Start start = node.restart(jar, args, log);
        Bench.log(String.format(
                "start: %s: healthy after %.1f s, %.1f CPU s", label, start.wallSeconds(), start.cpuSeconds()));
        return start;
    }

    private static String row(String label, List<NodeUnderTest.Start> starts) {
        List<String> wall = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        double[] walls = new double[starts.size()];
        for (int i = 0; i < starts.size(); i++) {
            wall.add(fmt(starts.get(i).wallSeconds(), 1));
            cpu.add(fmt(starts.get(i).cpuSeconds(), 1));
            walls[i] = starts.get(i).wallSeconds();
        }
        Arrays.sort(walls);
        double median = walls.length % 2 == 1
                ? walls[walls.length / 2]
                : (walls[walls.length / 2 - 1] + walls[walls.length / 2]) / 2;
        return "| " + label + " | " + String.join(", ", wall) + " | " + String.join(", ", cpu) + " | " + fmt(median, 1)
                + " |";
    }
}
