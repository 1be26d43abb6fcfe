package dev.orchwiz.command.execution.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A run's child and everything it started: its own process group (when the child was started through {@code setsid})
 * plus every descendant seen before the kill. Terminating it is polite first (SIGTERM, a grace period), then final
 * (SIGKILL), and returns only once every known member has stopped or a bound has passed.
 *
 * <p>Jailed, the child is {@code bwrap} and its child the init of the jail's PID namespace. Those two are the
 * wrappers: SIGTERM goes only to the script's processes (bwrap would die of it at once, and with it everything, with
 * no grace), and SIGKILL to the wrappers ends the namespace, which the kernel empties completely, including anything
 * forked after the last scan.
 */
final class ProcessTree {

    private static final Path PROC = Path.of("/proc");
    private static final Duration POLL = Duration.ofMillis(20);
    // After SIGKILL a process only needs the kernel to tear it down; waiting longer means it is stuck in the kernel
    // (uninterruptible I/O), and the run should report rather than hang.
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);
    private static final Duration KILL_COMMAND = Duration.ofSeconds(2);

    private final ProcessHandle root;
    private final long groupId;
    private final boolean jailed;
    private final String killCommand;
    private final Duration grace;
    private final boolean procfs;
    private final long self = ProcessHandle.current().pid();

    /**
     * @param groupId the id of the child's own process group, or -1 when it shares the node's group (no setsid): the
     *     node's own group must never be signalled
     * @param jailed whether root is bubblewrap with a PID namespace below it
     */
    ProcessTree(ProcessHandle root, long groupId, boolean jailed, String killCommand, Duration grace) {
        this.root = root;
        this.groupId = groupId;
        this.jailed = jailed;
        this.killCommand = killCommand;
        this.grace = grace;
        this.procfs = Files.isReadable(PROC.resolve("self").resolve("stat"));
    }

    /**
     * Stops every known member. When the child already exited this finds only what it left behind in its group
     * (usually nothing, and then it costs one scan of /proc and no signal).
     */
    void terminate() {
        // Snapshot first: once the child dies its children are reparented and no longer show as its descendants.
        Set<ProcessHandle> known = new HashSet<>();
        collectMembers(known);
        if (known.isEmpty()) {
            return;
        }
        Set<ProcessHandle> wrappers = wrappers();
        Set<ProcessHandle> script = new HashSet<>(known);
        script.removeAll(wrappers);
        signalGroup("TERM");
        script.forEach(ProcessHandle::destroy);
        // Jailed, the wrappers are awaited too: they end, and end the rest, once the script's first process ended.
        if (awaitStopped(known, grace)) {
            return;
        }
        collectMembers(known);
        signalGroup("KILL");
        // Wrappers first: once the namespace's init is gone nothing in it can fork any more.
        wrappers.forEach(ProcessHandle::destroyForcibly);
        known.forEach(ProcessHandle::destroyForcibly);
        awaitStopped(known, AFTER_KILL);
    }

    /** bwrap and the init of its PID namespace, while they run; none when not jailed. */
    private Set<ProcessHandle> wrappers() {
        if (!jailed || !isRunning(root)) {
            return Set.of();
        }
        Set<ProcessHandle> wrappers = new HashSet<>();
        wrappers.add(root);
        root.children().forEach(wrappers::add);
        return wrappers;
    }

    private void collectMembers(Set<ProcessHandle> known) {
        if (isRunning(root)) {
            known.add(root);
            // Descendants catch what left the group (setsid, setpgid) while its parent is still alive. Only asked
            // while the child runs: a dead child's pid may already belong to someone else.
            root.descendants().filter(this::isRunning).forEach(known::add);
        }
        // The group catches what was reparented: orphans of a dead subshell, nohup'd or disowned jobs.
        known.addAll(groupMembers());
        known.removeIf(member -> member.pid() == self);
    }

    private boolean awaitStopped(Set<ProcessHandle> known, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            known.addAll(groupMembers());
            known.removeIf(member -> !isRunning(member));
            if (known.isEmpty()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** One atomic signal to the whole group, so that nothing forked between scan and signal slips through. */
    private void signalGroup(String signal) {
        if (groupId < 0) {
            return;
        }
        ProcessBuilder kill = new ProcessBuilder(killCommand, "-s", signal, "--", "-" + groupId)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // kill needs nothing from the node's environment, so it gets none of it.
        kill.environment().clear();
        try {
            Process process = kill.start();
            if (!process.waitFor(KILL_COMMAND.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException unavailable) {
            // No kill program: the per-process signals to every known member still apply.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Set<ProcessHandle> groupMembers() {
        if (groupId < 0 || !procfs) {
            return Set.of();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            Set<ProcessHandle> members = new HashSet<>();
            for (Path entry : entries) {
                readStat(entry)
                        .filter(stat -> stat.group() == groupId && stat.running())
                        .flatMap(stat -> ProcessHandle.of(stat.pid()))
                        .ifPresent(members::add);
            }
            return members;
        } catch (IOException unreadable) {
            return Set.of();
        }
    }

    /**
     * Alive and not a zombie. Java counts a zombie as alive, but it runs nothing and holds no pipe; orphans only
     * disappear when PID 1 reaps them, which in a container may be late or never.
     */
    private boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        if (!procfs) {
            return true;
        }
        // Unreadable means it is exiting right now (or /proc looks unfamiliar): trust isAlive on the next poll.
        return readStat(PROC.resolve(Long.toString(process.pid())))
                .map(Stat::running)
                .orElse(true);
    }

    private static Optional<Stat> readStat(Path processDirectory) {
        try {
            // Latin-1 maps every byte: a command name that is not valid UTF-8 must not hide a process from the scan.
            String line = new String(Files.readAllBytes(processDirectory.resolve("stat")), StandardCharsets.ISO_8859_1);
            // "pid (command) state ppid pgrp …": the command may contain spaces and parentheses, so parse after the
            // last one.
            int endOfCommand = line.lastIndexOf(')');
            List<String> fields = List.of(line.substring(endOfCommand + 2).split(" "));
            long pid = Long.parseLong(line.substring(0, line.indexOf(' ')));
            return Optional.of(new Stat(pid, fields.get(0).charAt(0), Long.parseLong(fields.get(2))));
        } catch (IOException | RuntimeException unreadable) {
            // The process vanished while being read, or the kernel format is not what we expect.
            return Optional.empty();
        }
    }

    private record Stat(long pid, char state, long group) {

        boolean running() {
            return state != 'Z' && state != 'X';
        }
    }
}
