package dev.orchwiz.bench;

import java.time.Duration;
import java.util.function.IntFunction;

/**
 * Measured closed loops: a {@link ClosedLoop} run with the node's CPU, GC and database waits probed over the measured
 * window and, where asked, thread dumps and a JFR recording of the node.
 */
final class Measurement {

    private final NodeUnderTest node;
    private final Diagnostics diagnostics;

    /** One closed-loop measurement of one operation, with what the node did meanwhile and the statuses it answered. */
    record Measured(
            String phase,
            String op,
            int clients,
            ClosedLoop.Outcome outcome,
            Probe.Result probe,
            Clients.Statuses statuses) {

        double perSecond() {
            return outcome.throughput(op);
        }

        Recorder.Stats stats() {
            return outcome.measured().stats(op);
        }

        /** Requests of the measurement that answered 2xx. */
        long answered() {
            Recorder recorder = outcome.measured();
            return recorder.total(op) - recorder.errors(op);
        }
    }

    Measurement(NodeUnderTest node, Diagnostics diagnostics) {
        this.node = node;
        this.diagnostics = diagnostics;
    }

    /**
     * A closed loop named {@code phase} with the node probed over the measured window; with {@code diagnose}, also
     * thread dumps and a JFR recording. The caller counts its errors: the phases name them differently.
     */
    Measured run(
            String phase,
            String op,
            int clients,
            IntFunction<ClosedLoop.Client> factory,
            Duration warmup,
            Duration duration,
            Clients.Statuses statuses,
            boolean diagnose)
            throws InterruptedException {
        Probe[] probe = new Probe[1];
        Probe.Result[] probed = new Probe.Result[1];
        Thread[] dumper = new Thread[1];
        boolean hasPid = node.pid() > 0;
        if (diagnose) {
            // Started before the warm-up: starting JFR can take seconds on a busy machine.
            diagnostics.startRecording(phase);
        }
        ClosedLoop.Outcome outcome = ClosedLoop.run(phase, clients, factory, warmup, duration, new ClosedLoop.Hooks() {
            @Override
            public void measureStarted() {
                probe[0] = Probe.begin(phase, node.http(), node.resources());
                if (diagnose && hasPid) {
                    dumper[0] = diagnostics.startThreadDumps(phase, duration.toMillis() / 3, 1_000);
                }
            }

            @Override
            public void measureEnded() {
                try {
                    probed[0] = probe[0].end();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (diagnose && hasPid) {
                    diagnostics.stopRecording(phase);
                }
            }
        });
        if (dumper[0] != null) {
            dumper[0].join(30_000);
        }
        return new Measured(phase, op, clients, outcome, probed[0], statuses);
    }

    /** The highest of the client levels. */
    static int top(int[] levels) {
        int top = 0;
        for (int level : levels) {
            top = Math.max(top, level);
        }
        return top;
    }

    static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
