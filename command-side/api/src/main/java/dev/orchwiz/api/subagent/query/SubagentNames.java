package dev.orchwiz.api.subagent.query;

import java.util.List;

public record SubagentNames(List<String> names) {}
