package dev.orchwiz.command.run;

import dev.orchwiz.api.run.RunError;
import dev.orchwiz.command.run.runtime.AgentRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The node's runtimes by name, which one a run uses when none is chosen, and the chain it falls back along. */
class Runtimes {

    /** Tried in this order when the node names no default: real models first, never the deterministic stand-in. */
    private static final List<String> PREFERENCE = List.of("openclaw", "openai");

    private final Map<String, AgentRuntime> byName = new LinkedHashMap<>();
    private final RunProperties properties;

    Runtimes(List<AgentRuntime> runtimes, RunProperties properties) {
        runtimes.forEach(runtime -> byName.put(runtime.name(), runtime));
        this.properties = properties;
    }

    List<AgentRuntime> all() {
        return List.copyOf(byName.values());
    }

    /** The runtime a run uses when neither the prompt nor the session chose one; empty when nothing is configured. */
    Optional<String> nodeDefault() {
        if (properties.defaultRuntime() != null) {
            return Optional.of(properties.defaultRuntime());
        }
        return PREFERENCE.stream()
                .filter(name -> byName.containsKey(name) && byName.get(name).configured())
                .findFirst();
    }

    /** Checks a runtime a person chose: it must exist and be configured here, or the request is refused. */
    AgentRuntime chosen(String name) {
        AgentRuntime runtime = byName.get(name);
        if (runtime == null) {
            throw new RunRefusal(
                    RunError.UNKNOWN_RUNTIME, "No runtime '" + name + "'; this node has " + byName.keySet());
        }
        if (!runtime.configured()) {
            throw new RunRefusal(
                    RunError.RUNTIME_NOT_CONFIGURED,
                    "The runtime '" + name + "' is not configured on this node (see the README: Runtimes)");
        }
        return runtime;
    }

    /** The chosen runtime, then the configured fallbacks that are not it, each once. */
    List<AgentRuntime> chain(String first) {
        List<AgentRuntime> chain = new ArrayList<>();
        Optional.ofNullable(byName.get(first)).filter(AgentRuntime::configured).ifPresent(chain::add);
        for (String name : properties.fallback()) {
            AgentRuntime next = byName.get(name);
            if (next != null && next.configured() && !chain.contains(next)) {
                chain.add(next);
            }
        }
        return chain;
    }
}
