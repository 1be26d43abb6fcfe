package dev.orchwiz.api.run.query;

import java.util.List;

/** The node's runtimes; {@code defaultRuntime} is null when no model runtime is configured. */
public record RuntimeList(String defaultRuntime, List<RuntimeView> runtimes) {}
