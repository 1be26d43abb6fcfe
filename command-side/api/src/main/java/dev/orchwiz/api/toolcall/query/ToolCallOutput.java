package dev.orchwiz.api.toolcall.query;

import java.util.List;

public record ToolCallOutput(List<OutputChunk> items, boolean truncated, boolean finished) {}
