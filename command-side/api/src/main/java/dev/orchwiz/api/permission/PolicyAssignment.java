package dev.orchwiz.api.permission;

/** A permission policy applied to a subagent; lower priority numbers are consulted first. */
public record PolicyAssignment(String policy, int priority) {}
