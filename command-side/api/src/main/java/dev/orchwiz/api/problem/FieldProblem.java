package dev.orchwiz.api.problem;

/** One field of a request that failed validation. */
public record FieldProblem(String field, String message) {}
