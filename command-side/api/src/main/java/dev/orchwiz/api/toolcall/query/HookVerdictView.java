package dev.orchwiz.api.toolcall.query;

public record HookVerdictView(String hookId, String name, String verdict, String reason) {}
