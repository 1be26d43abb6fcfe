package dev.orchwiz.api.run;

import java.util.Map;

/**
 * A tool a runtime ran on its own side during a model call (an OpenClaw gateway's agent runs its tools itself): kept
 * for the record and the trace, never run again by the control plane.
 */
public record RuntimeToolUse(String id, String name, Map<String, Object> input, String output, boolean failed) {}
