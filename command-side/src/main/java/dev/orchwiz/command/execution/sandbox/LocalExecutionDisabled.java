package dev.orchwiz.command.execution.sandbox;

import dev.orchwiz.api.execution.ExecutionError;
import dev.orchwiz.api.problem.RuleViolation;

/** This node does not run commands locally (ENABLE_LOCAL_COMMAND_EXECUTION is off). */
public class LocalExecutionDisabled extends RuleViolation {

    LocalExecutionDisabled() {
        super(
                ExecutionError.LOCAL_EXECUTION_DISABLED,
                "Local command execution is disabled on this node (ENABLE_LOCAL_COMMAND_EXECUTION)");
    }
}
