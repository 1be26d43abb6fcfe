package dev.orchwiz.api.run;

import java.util.Map;

/** A tool call as the model asked for it: the provider's id for it, the tool and its arguments. */
public record RequestedTool(String id, String name, Map<String, Object> input) {}
