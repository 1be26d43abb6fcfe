package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import java.time.Duration;

/**
 * What the tool call must know of the node's local execution before it records a call: whether calls run here, a
 * working directory the jail would refuse, and how long an approval may wait. The execution context implements it.
 */
public interface LocalRuns {

    /**
     * Refuses (with a 400) a working directory a local run could not use, so that a call that cannot run is never
     * recorded: one outside the part of the workspace the call's session (or, without one, its owner) is given, or
     * missing there. Does nothing while local execution is off.
     */
    void assertUsableWorkingDirectory(String workingDirectory, SessionId session, UserId owner);

    Duration approvalTtl();
}
