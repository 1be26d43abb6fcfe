package dev.orchwiz.command.execution.sandbox;

/** What stands between a script and the node's host ({@code ORCHWIZ_SANDBOX}). */
public enum Isolation {

    /**
     * Bubblewrap: own user, PID, network, IPC and UTS namespaces, the workspace as the only writable host path, system
     * directories read-only, a synthesized {@code /etc}, a fresh {@code /proc} and resource limits.
     */
    BWRAP,

    /**
     * No jail: a child process of the node, as the node's user, confined only in working directory, environment,
     * time and output. Only for hosts where bubblewrap cannot run, and only when the operator says so.
     */
    NONE
}
