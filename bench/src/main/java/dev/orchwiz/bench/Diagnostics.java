package dev.orchwiz.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Thread dumps and JFR profiles of the node, taken with {@code jcmd}, and short summaries of them; an instance keeps
 * those of one run by the phase they were taken in.
 */
final class Diagnostics {

    private final Config config;
    private final NodeUnderTest node;

    /** Thread dumps and JFR recordings of the node, by the phase they were taken in. */
    private final Map<String, List<Path>> threadDumps = new ConcurrentSkipListMap<>();

    private final Map<String, Path> recordings = new ConcurrentSkipListMap<>();
    private final Map<String, Map<String, Integer>> threadSummaries = new TreeMap<>();
    private final Map<String, Profile> profiles = new TreeMap<>();

    Diagnostics(Config config, NodeUnderTest node) {
        this.config = config;
        this.node = node;
    }

    /** Starts a JFR recording of the node (with --jfr), named after the phase. */
    void startRecording(String phase) {
        if (!config.jfr() || node.pid() <= 0) {
            return;
        }
        Path file = node.targetDir().resolve("node-" + phase + ".jfr");
        Bench.log("  "
                + jcmd(node.pid(), "JFR.start", "name=" + phase, "settings=profile", "filename=" + file)
                        .trim()
                        .replaceAll("\\s+", " "));
        recordings.put(phase, file);
    }

    void stopRecording(String phase) {
        if (recordings.containsKey(phase)) {
            jcmd(node.pid(), "JFR.stop", "name=" + phase);
        }
    }

    /**
     * Takes --thread-dumps dumps of the node on a background thread: after {@code delayMs}, every {@code everyMs}.
     * Answers the thread, or null when no dumps are taken.
     */
    Thread startThreadDumps(String phase, long delayMs, long everyMs) {
        if (config.threadDumps() <= 0 || node.pid() <= 0) {
            return null;
        }
        Thread thread = new Thread(
                () -> {
                    List<Path> files = new ArrayList<>();
                    try {
                        Thread.sleep(Math.max(0, delayMs));
                        for (int i = 0; i < config.threadDumps() && node.startedAndAlive(); i++) {
                            files.add(threadDump(
                                    node.pid(), node.targetDir().resolve("threads-" + phase + "-" + i + ".txt")));
                            Thread.sleep(everyMs);
                        }
                    } catch (IOException e) {
                        Bench.log("thread dump failed: " + e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    threadDumps.put(phase, files);
                },
                "thread-dumps-" + phase);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Reads the dumps and recordings taken so far into the summaries the report shows. */
    void summarize() {
        threadDumps.forEach((phase, files) -> {
            try {
                if (!files.isEmpty()) {
                    threadSummaries.put(phase, summarizeThreads(files));
                }
            } catch (IOException | RuntimeException e) {
                Bench.log("could not summarize the thread dumps of " + phase + ": " + e.getMessage());
            }
        });
        recordings.forEach((phase, file) -> {
            try {
                if (Files.isRegularFile(file)) {
                    profiles.put(phase, profile(file, 15));
                }
            } catch (IOException | RuntimeException e) {
                Bench.log("could not read the JFR recording of " + phase + ": " + e.getMessage());
            }
        });
    }

    /** Per phase, the thread counts of {@link #summarizeThreads}. */
    Map<String, Map<String, Integer>> threadSummaries() {
        return threadSummaries;
    }

    Map<String, Profile> profiles() {
        return profiles;
    }

    /** How many dumps were taken during the phase. */
    int dumpsOf(String phase) {
        return threadDumps.get(phase).size();
    }

    /** Runs {@code jcmd PID ARGS…}; answers its output, or an explanation when it could not run. */
    static String jcmd(long pid, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "jcmd failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "jcmd interrupted";
        }
    }

    static Path threadDump(long pid, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, jcmd(pid, "Thread.print"), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Counts, over the dumps, the request and event-processing threads by state and by the first frame outside the
     * JDK: where they are busy or what they wait for. Idle pool threads show up as waiting in their pool's queue.
     */
    static Map<String, Integer> summarizeThreads(List<Path> dumps) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        for (Path dump : dumps) {
            String name = null;
            String state = null;
            String frame = null;
            for (String line : Files.readAllLines(dump)) {
                if (line.startsWith("\"")) {
                    count(counts, name, state, frame);
                    String threadName = line.substring(1, line.indexOf('"', 1));
                    name = interesting(threadName) ? group(threadName) : null;
                    state = null;
                    frame = null;
                } else if (name != null && line.trim().startsWith("java.lang.Thread.State:")) {
                    state = line.trim()
                            .substring("java.lang.Thread.State:".length())
                            .trim()
                            .split(" ")[0];
                } else if (name != null && frame == null && line.trim().startsWith("at ")) {
                    String at = line.trim().substring(3);
                    if (!at.startsWith("java.") && !at.startsWith("jdk.") && !at.startsWith("sun.")) {
                        frame = at.replaceAll("\\(.*\\)", "");
                    }
                } else if (line.isBlank()) {
                    count(counts, name, state, frame);
                    name = null;
                }
            }
            count(counts, name, state, frame);
        }
        return counts;
    }

    private static void count(Map<String, Integer> counts, String name, String state, String frame) {
        if (name != null && state != null) {
            counts.merge(name + " | " + state + " | " + (frame == null ? "(JDK only)" : frame), 1, Integer::sum);
        }
    }

    /** Every application thread; the JVM's own (GC, JIT, finalizer…) are left out. */
    private static boolean interesting(String thread) {
        return !(thread.equals("Reference Handler")
                || thread.equals("Finalizer")
                || thread.equals("Signal Dispatcher")
                || thread.equals("Attach Listener")
                || thread.equals("Common-Cleaner")
                || thread.equals("Notification Thread")
                || thread.startsWith("C1 CompilerThread")
                || thread.startsWith("C2 CompilerThread")
                || thread.startsWith("Sweeper")
                || thread.startsWith("VM ")
                || thread.startsWith("G1 ")
                || thread.startsWith("GC "));
    }

    private static String group(String thread) {
        if (thread.startsWith("http-nio") && thread.contains("-exec-")) {
            return "http-exec";
        }
        return thread.replaceAll("[-#]?\\d+$", "").replaceAll("\\d+", "N").replace("|", "/");
    }

    /**
     * A JFR recording's CPU samples: hottest top frames, samples per thread, per library (the library of the first
     * non-JDK frame from the top, so JDK code counts for whoever called it), and per OrchWiz method on the stack
     * (inclusive: a sample counts once for every OrchWiz method it passes through).
     */
    record Profile(
            long samples,
            List<Map.Entry<String, Long>> topFrames,
            List<Map.Entry<String, Long>> threads,
            List<Map.Entry<String, Long>> libraries,
            List<Map.Entry<String, Long>> orchwiz) {}

    static Profile profile(Path recording, int limit) throws IOException {
        Map<String, Long> top = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
        Map<String, Long> orchwiz = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            top.merge(describe(frames.get(0)), 1L, Long::sum);
            var thread = event.getThread("sampledThread");
            threads.merge(thread == null ? "?" : group(String.valueOf(thread.getJavaName())), 1L, Long::sum);
            String library = "JDK";
            java.util.Set<String> ours = new java.util.HashSet<>();
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (library.equals("JDK") && !isJdk(type)) {
                    library = library(type);
                }
                if (type.startsWith("dev.orchwiz.")) {
                    ours.add(describe(frame));
                }
            }
            libraries.merge(library, 1L, Long::sum);
            ours.forEach(method -> orchwiz.merge(method, 1L, Long::sum));
        }
        return new Profile(
                samples, topOf(top, limit), topOf(threads, limit), topOf(libraries, limit), topOf(orchwiz, limit));
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.")
                || type.startsWith("javax.")
                || type.startsWith("jdk.")
                || type.startsWith("sun.")
                || type.startsWith("com.sun.");
    }

    private static String library(String type) {
        String[][] known = {
            {"dev.orchwiz.", "OrchWiz"},
            {"org.axonframework.", "Axon"},
            {"org.hibernate.validator.", "Hibernate Validator"},
            {"org.hibernate.", "Hibernate ORM"},
            {"org.postgresql.", "PostgreSQL JDBC driver"},
            {"com.zaxxer.hikari.", "HikariCP"},
            {"com.fasterxml.jackson.", "Jackson 2"},
            {"tools.jackson.", "Jackson 3"},
            {"org.springframework.", "Spring"},
            {"org.apache.catalina.", "Tomcat"},
            {"org.apache.coyote.", "Tomcat"},
            {"org.apache.tomcat.", "Tomcat"},
            {"io.micrometer.", "Micrometer"},
            {"ch.qos.logback.", "Logback"},
            {"org.slf4j.", "Logback"},
            {"org.flywaydb.", "Flyway"},
        };
        for (String[] entry : known) {
            if (type.startsWith(entry[0])) {
                return entry[1];
            }
        }
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : type;
    }

    private static String describe(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static List<Map.Entry<String, Long>> topOf(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .toList();
    }
}
