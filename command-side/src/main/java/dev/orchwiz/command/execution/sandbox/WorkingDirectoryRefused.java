package dev.orchwiz.command.execution.sandbox;

import dev.orchwiz.api.execution.ExecutionError;
import dev.orchwiz.api.problem.RuleViolation;

/** The requested working directory is outside the workspace, missing or not a directory. */
public class WorkingDirectoryRefused extends RuleViolation {

    WorkingDirectoryRefused(String requested, String reason) {
        super(ExecutionError.WORKING_DIRECTORY_REFUSED, "Working directory '" + requested + "' " + reason);
    }
}
