package dev.orchwiz.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the CPU went during a phase (node, its PostgreSQL backends, the harness itself, everything else on the
 * machine) and what the node's database sessions were doing (sampled from {@code pg_stat_activity}).
 */
final class Resources {

    /** Linux's USER_HZ: /proc reports CPU time in ticks of 1/100 s on every mainstream kernel build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long nodePid;
    private final Connection database;
    private final Object databaseLock = new Object();
    private final Map<Long, Long> pgPids = new ConcurrentHashMap<>();

    Resources(long nodePid, Connection database) {
        this.nodePid = nodePid;
        this.database = database;
    }

    boolean hasDatabase() {
        return database != null;
    }

    /**
     * CPU consumed between two snapshots, in cores (1.0 = one core busy all the time). {@code nodeChildren} is what the
     * node's child processes (the sandboxed runs: setsid, bwrap and what they start) used, counted when the node reaped
     * them; it is part of {@code other}, since those processes are not the node's JVM.
     */
    record Usage(
            double seconds,
            double node,
            double postgres,
            double harness,
            double machine,
            int cores,
            double nodeChildren) {

        double other() {
            return Math.max(0, machine - node - postgres - harness);
        }
    }

    /** A point-in-time reading of CPU tick counters. */
    final class Snapshot {
        final long at = System.nanoTime();
        final long node = ticks(nodePid);
        final long nodeChildren = childTicks(nodePid);
        final long harness = ticks(ProcessHandle.current().pid());
        final Map<Long, Long> postgres = postgresTicks();
        final long[] machine = machineTicks();

        Usage until(Snapshot later) {
            double seconds = (later.at - at) / 1e9;
            long pgTicks = 0;
            for (Map.Entry<Long, Long> entry : later.postgres.entrySet()) {
                pgTicks += entry.getValue() - postgres.getOrDefault(entry.getKey(), 0L);
            }
            double busy = (later.machine[0] - machine[0]) / TICKS_PER_SECOND;
            return new Usage(
                    seconds,
                    cores(later.node - node, seconds),
                    cores(pgTicks, seconds),
                    cores(later.harness - harness, seconds),
                    seconds <= 0 ? 0 : busy / seconds,
                    Runtime.getRuntime().availableProcessors(),
                    cores(later.nodeChildren - nodeChildren, seconds));
        }
    }

    Snapshot snapshot() {
        return new Snapshot();
    }

    private static double cores(long ticks, double seconds) {
        return seconds <= 0 ? 0 : ticks / TICKS_PER_SECOND / seconds;
    }

    /** CPU time a process has used so far (user + system), in seconds; 0 when unknown. */
    static double cpuSeconds(long pid) {
        return ticks(pid) / TICKS_PER_SECOND;
    }

    /** utime + stime of a process, in ticks; 0 when unknown. */
    static long ticks(long pid) {
        // fields 14 and 15 of stat
        return statSum(pid, 11, 12);
    }

    /**
     * cutime + cstime of a process, in ticks: what its reaped children (and theirs, when each waited for its own) used;
     * 0 when unknown.
     */
    static long childTicks(long pid) {
        // fields 16 and 17 of stat
        return statSum(pid, 13, 14);
    }

    /** Two fields of /proc/pid/stat added, counted from the state (field 3 of stat) as 0; 0 when unknown. */
    private static long statSum(long pid, int first, int second) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[first]) + Long.parseLong(fields[second]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Busy and total ticks of the whole machine, from the first line of /proc/stat. */
    static long[] machineTicks() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value;
                }
            }
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** VmRSS, VmHWM and the like from /proc/PID/status, in kB. */
    static Map<String, Long> memory(long pid) {
        Map<String, Long> values = new LinkedHashMap<>();
        if (pid <= 0) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Vm") || line.startsWith("Threads")) {
                    String[] parts = line.split(":\\s+");
                    values.put(
                            parts[0], Long.parseLong(parts[1].replace(" kB", "").trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not on Linux, or the process is gone
        }
        return values;
    }

    /**
     * CPU ticks of this database's backends and of the shared background processes (WAL writer, checkpointer,
     * background writer). Backends of other databases on the same server are left out.
     */
    private Map<Long, Long> postgresTicks() {
        Map<Long, Long> result = new HashMap<>();
        if (database != null) {
            try {
                synchronized (databaseLock) {
                    try (PreparedStatement statement = database.prepareStatement(
                                    "select pid from pg_stat_activity where (datname = current_database()"
                                            + " and pid <> pg_backend_pid()) or backend_type in"
                                            + " ('walwriter', 'checkpointer', 'background writer')");
                            ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            pgPids.put(rows.getLong(1), 0L);
                        }
                    }
                }
            } catch (SQLException e) {
                // keep the pids known so far
            }
        }
        for (Long pid : pgPids.keySet()) {
            long ticks = ticks(pid);
            if (ticks > 0) {
                result.put(pid, ticks);
            }
        }
        return result;
    }

    /** Samples {@code pg_stat_activity} for this database every {@code periodMs} on a background thread. */
    final class WaitSampler implements AutoCloseable {
        private final Map<String, Long> counts = new TreeMap<>();
        private final Thread thread;
        private volatile boolean running = true;
        private long samples;

        WaitSampler(long periodMs) {
            thread = new Thread(
                    () -> {
                        // Bounded: stops when closed, and after at most one hour whatever happens.
                        long deadline = System.nanoTime() + 3_600_000_000_000L;
                        while (running && database != null && System.nanoTime() < deadline) {
                            sampleOnce();
                            try {
                                Thread.sleep(periodMs);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "pg-wait-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sampleOnce() {
            Map<String, Long> seen = new HashMap<>();
            try {
                synchronized (databaseLock) {
                    try (PreparedStatement statement = database.prepareStatement(
                                    "select coalesce(state, '?'), coalesce(wait_event_type, ''),"
                                            + " coalesce(wait_event, ''), pid from pg_stat_activity"
                                            + " where datname = current_database() and pid <> pg_backend_pid()"
                                            + " and backend_type = 'client backend'");
                            ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            String wait = rows.getString(2).isEmpty()
                                    ? ""
                                    : " / " + rows.getString(2) + ":" + rows.getString(3);
                            seen.merge(rows.getString(1) + wait, 1L, Long::sum);
                            pgPids.putIfAbsent(rows.getLong(4), 0L);
                        }
                    }
                }
            } catch (SQLException e) {
                return;
            }
            synchronized (counts) {
                samples++;
                seen.forEach((key, n) -> counts.merge(key, n, Long::sum));
            }
        }

        /** Average number of the node's connections in each state/wait, most frequent first. */
        List<Map.Entry<String, Double>> averages() {
            synchronized (counts) {
                long n = Math.max(1, samples);
                return counts.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), e.getValue() / (double) n))
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .toList();
            }
        }

        long samples() {
            synchronized (counts) {
                return samples;
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
