package dev.orchwiz.api.toolcall.query;

public record OutputChunk(int sequence, String stream, String text) {}
