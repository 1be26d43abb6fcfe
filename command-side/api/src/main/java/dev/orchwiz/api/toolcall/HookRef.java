package dev.orchwiz.api.toolcall;

public record HookRef(String hookId, String name) {}
