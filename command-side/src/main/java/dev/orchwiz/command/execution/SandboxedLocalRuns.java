package dev.orchwiz.command.execution;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.command.execution.sandbox.Sandbox;
import dev.orchwiz.command.toolcall.LocalRuns;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The tool call's view of local execution, answered by the jail and this node's execution settings. */
@Component
class SandboxedLocalRuns implements LocalRuns {

    private final Sandbox sandbox;
    private final ExecutionProperties execution;

    SandboxedLocalRuns(Sandbox sandbox, ExecutionProperties execution) {
        this.sandbox = sandbox;
        this.execution = execution;
    }

    @Override
    public void assertUsableWorkingDirectory(String workingDirectory, SessionId session, UserId owner) {
        if (sandbox.settings().enabled()) {
            sandbox.resolveWorkingDirectory(
                    workingDirectory, WorkspaceArea.of(session, owner).path());
        }
    }

    @Override
    public Duration approvalTtl() {
        return execution.approvalTtl();
    }
}
