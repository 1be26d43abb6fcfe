package dev.orchwiz.command.run.runtime;

import java.util.Map;

/** A tool the model may ask for: its name, what it does, and its parameters as a JSON Schema object. */
public record ToolSpec(String name, String description, Map<String, Object> parameters) {}
