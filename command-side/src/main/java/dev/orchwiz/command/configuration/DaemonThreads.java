package dev.orchwiz.command.configuration;

import java.util.concurrent.ThreadFactory;

/**
 * Threads of one name that never keep the node's JVM alive: a process's workers, timers and a sandboxed child's
 * readers must not hold up a shutdown, whatever they are waiting for.
 */
public record DaemonThreads(String name) implements ThreadFactory {

    @Override
    public Thread newThread(Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A daemon thread of that name running {@code body}, not yet started. */
    public static Thread of(String name, Runnable body) {
        return new DaemonThreads(name).newThread(body);
    }
}
