package dev.orchwiz.api.run.query;

/** Asks which runtimes this node has, and which one a prompt uses when none is chosen. */
public record ListRuntimes() {}
