package dev.orchwiz.command.execution.sandbox;

import dev.orchwiz.command.configuration.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One running script. The result completes only after the process tree is gone and its output has been sent, so a
 * caller that records "completed" never races the last chunk.
 */
public final class SandboxRun {

    // A reader still blocked after the tree is gone is held by a process that escaped it (a double-forked daemon);
    // the run ends anyway and the reader keeps draining on its own.
    private static final Duration READER_DRAIN = Duration.ofSeconds(2);
    private static final int READ_BUFFER = 8192;

    /** Why the run is being stopped; the first one wins. */
    private enum Stop {
        EXITED,
        TIMED_OUT,
        CANCELLED
    }

    private final Process process;
    private final ProcessTree tree;
    private final ChunkedOutput output;
    private final long startedNanos;
    private final CompletableFuture<Stop> stop = new CompletableFuture<>();
    private final CompletableFuture<RunResult> result = new CompletableFuture<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private SandboxRun(Process process, ProcessTree tree, ChunkedOutput output, long startedNanos) {
        this.process = process;
        this.tree = tree;
        this.output = output;
        this.startedNanos = startedNanos;
        String name = "sandbox-" + process.pid();
        // Each stream on its own thread: a child that fills stderr while we block on stdout would deadlock.
        this.stdoutReader =
                DaemonThreads.of(name + "-stdout", () -> read(process.getInputStream(), OutputStream.STDOUT));
        this.stderrReader =
                DaemonThreads.of(name + "-stderr", () -> read(process.getErrorStream(), OutputStream.STDERR));
    }

    static SandboxRun start(
            ProcessBuilder builder,
            byte[] stdin,
            Duration timeout,
            ChunkedOutput output,
            boolean ownProcessGroup,
            boolean jailed,
            String killCommand,
            Duration terminationGrace) {
        long startedNanos = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException failure) {
            throw new UncheckedIOException(
                    "Could not start " + builder.command().get(0), failure);
        }
        // With setsid the child leads its own group, whose id is its pid; without, it shares ours, never signalled.
        long groupId = ownProcessGroup ? process.pid() : -1;
        ProcessTree tree = new ProcessTree(process.toHandle(), groupId, jailed, killCommand, terminationGrace);
        SandboxRun run = new SandboxRun(process, tree, output, startedNanos);
        run.begin(stdin, timeout);
        return run;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Completes once the run is over and every chunk has been sent; exceptionally if the sink threw (its record is
     * then incomplete) or the sandbox itself failed. Completing or cancelling the returned future does not touch the
     * run: use {@link #cancel()}.
     */
    public CompletableFuture<RunResult> result() {
        return result.copy();
    }

    /** Kills the whole process tree; the outcome becomes CANCELLED. A no-op once the run has ended or been stopped. */
    public void cancel() {
        stop.complete(Stop.CANCELLED);
    }

    private void begin(byte[] stdin, Duration timeout) {
        stdoutReader.start();
        stderrReader.start();
        writeInput(stdin);
        // A waiting thread rather than Process.onExit(): onExit is chained behind JDK-internal callbacks that can
        // block on the output streams while a leftover grandchild holds them open.
        DaemonThreads.of("sandbox-" + process.pid() + "-wait", this::awaitExit).start();
        stop.completeOnTimeout(Stop.TIMED_OUT, timeout.toNanos(), TimeUnit.NANOSECONDS);
        DaemonThreads.of("sandbox-" + process.pid() + "-supervise", this::supervise)
                .start();
    }

    /** No interactive input: the given bytes, then end of file; or end of file at once. */
    private void writeInput(byte[] stdin) {
        if (stdin == null || stdin.length == 0) {
            closeQuietly(process.getOutputStream());
            return;
        }
        // On its own thread: a child that never reads would otherwise block start() once the pipe is full.
        DaemonThreads.of("sandbox-" + process.pid() + "-stdin", () -> {
                    try (var input = process.getOutputStream()) {
                        input.write(stdin);
                    } catch (IOException childStoppedReading) {
                        // The child exited or closed stdin; the rest of the input has no reader.
                    }
                })
                .start();
    }

    private void awaitExit() {
        while (true) {
            try {
                process.waitFor();
                stop.complete(Stop.EXITED);
                return;
            } catch (InterruptedException ignored) {
                // Nobody interrupts this thread on purpose; keep waiting so the run always ends.
            }
        }
    }

    private void supervise() {
        try {
            Stop reason = stop.join();
            // Also after a normal exit: a run does not outlive its script, so whatever it left running in its group
            // is stopped, which also closes the output pipes those leftovers hold.
            tree.terminate();
            awaitReaders();
            output.finish();
            Duration duration = Duration.ofNanos(System.nanoTime() - startedNanos);
            if (output.sinkFailure().isPresent()) {
                result.completeExceptionally(output.sinkFailure().get());
                return;
            }
            result.complete(resultOf(reason, duration));
        } catch (RuntimeException | Error failure) {
            result.completeExceptionally(failure);
        }
    }

    private RunResult resultOf(Stop reason, Duration duration) {
        long stdoutBytes = output.producedBytes(OutputStream.STDOUT);
        long stderrBytes = output.producedBytes(OutputStream.STDERR);
        boolean truncated = output.truncated();
        return switch (reason) {
            case EXITED -> {
                int exitCode = process.exitValue();
                RunOutcome outcome = exitCode == 0 ? RunOutcome.COMPLETED : RunOutcome.FAILED;
                yield new RunResult(outcome, exitCode, duration, stdoutBytes, stderrBytes, truncated);
            }
            case TIMED_OUT -> new RunResult(RunOutcome.TIMED_OUT, null, duration, stdoutBytes, stderrBytes, truncated);
            case CANCELLED -> new RunResult(RunOutcome.CANCELLED, null, duration, stdoutBytes, stderrBytes, truncated);
        };
    }

    private void awaitReaders() {
        long deadline = System.nanoTime() + READER_DRAIN.toNanos();
        try {
            for (Thread reader : new Thread[] {stdoutReader, stderrReader}) {
                long remaining = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                reader.join(remaining);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(InputStream stream, OutputStream name) {
        byte[] buffer = new byte[READ_BUFFER];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) != -1) {
                output.accept(name, buffer, read);
            }
        } catch (IOException closed) {
            // The pipe went away with the process; what was read has been passed on.
        }
    }

    private static void closeQuietly(java.io.OutputStream stream) {
        try {
            stream.close();
        } catch (IOException alreadyClosed) {
            // Nothing to close.
        }
    }
}
