package dev.orchwiz.api.run.query;

/** One runtime as a prompt form offers it; a {@code deterministic} one is a stand-in without a model. */
public record RuntimeView(String name, boolean configured, boolean deterministic, String defaultModel) {}
