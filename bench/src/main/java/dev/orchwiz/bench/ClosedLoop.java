package dev.orchwiz.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Runs N clients in a closed loop (each sends its next request as soon as the previous answer arrived, no think
 * time) for a warm-up and then a measured window. A request counts for the window it was <em>sent</em> in. Every
 * loop is bounded in time and in count.
 */
final class ClosedLoop {

    /** Hard ceiling on the requests of one client in one phase, whatever the durations say. */
    static final long MAX_REQUESTS_PER_CLIENT = 5_000_000;

    /** One client: sends one request per step and records it; answers false when it has nothing left to do. */
    interface Client {
        boolean step(Recorder recorder);
    }

    /** Called on the runner's thread when the measured window opens and closes. */
    interface Hooks {
        default void measureStarted() {}

        default void measureEnded() {}
    }

    static final Hooks NO_HOOKS = new Hooks() {};

    /** What a run measured: the merged recorder of the measured window, and the window's real length. */
    record Outcome(Recorder measured, Recorder warmup, double seconds) {

        double throughput(String op) {
            return seconds <= 0 ? 0 : measured.total(op) / seconds;
        }

        double okThroughput(String op) {
            return seconds <= 0 ? 0 : (measured.total(op) - measured.errors(op)) / seconds;
        }
    }

    private ClosedLoop() {}

    static Outcome run(
            String name, int clients, IntFunction<Client> factory, Duration warmup, Duration duration, Hooks hooks)
            throws InterruptedException {
        return run(name, clients, factory, warmup, duration, hooks, new AtomicBoolean());
    }

    /** As above; setting {@code stopSignal} ends the run early (the window then ends at that moment). */
    static Outcome run(
            String name,
            int clients,
            IntFunction<Client> factory,
            Duration warmup,
            Duration duration,
            Hooks hooks,
            AtomicBoolean stopSignal)
            throws InterruptedException {
        List<Client> instances = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            instances.add(factory.apply(i));
        }
        List<Recorder> measured = new ArrayList<>();
        List<Recorder> warming = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureUntil = measureFrom + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client client = instances.get(i);
            Recorder inWindow = new Recorder();
            Recorder inWarmup = new Recorder();
            measured.add(inWindow);
            warming.add(inWarmup);
            Thread thread = new Thread(
                    () -> {
                        for (long n = 0; n < MAX_REQUESTS_PER_CLIENT && !stop.get() && !stopSignal.get(); n++) {
                            long now = System.nanoTime();
                            if (now >= measureUntil) {
                                break;
                            }
                            if (!client.step(now >= measureFrom ? inWindow : inWarmup)) {
                                break;
                            }
                        }
                    },
                    name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);

        sleepUntil(measureFrom, threads, stopSignal);
        hooks.measureStarted();
        sleepUntil(measureUntil, threads, stopSignal);
        long windowClosed = Math.min(System.nanoTime(), measureUntil);
        hooks.measureEnded();
        // Requests sent before the end still finish (each has a 30 s timeout).
        long joinDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (joinDeadline - System.nanoTime()) / 1_000_000));
        }
        stop.set(true);
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        }
        // When every client stopped early (nothing left to do), the window ends when the last one did.
        double seconds = Math.max(0, windowClosed - measureFrom) / 1e9;
        return new Outcome(Recorder.merge(measured), Recorder.merge(warming), seconds);
    }

    /** Sleeps until the deadline, until every client thread has ended, or until told to stop. */
    private static void sleepUntil(long deadline, List<Thread> threads, AtomicBoolean stopSignal)
            throws InterruptedException {
        while (System.nanoTime() < deadline) {
            if (stopSignal.get() || threads.stream().noneMatch(Thread::isAlive)) {
                return;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            Thread.sleep(Math.max(1, Math.min(left, 20)));
        }
    }
}
