package dev.orchwiz.command.run;

import dev.orchwiz.api.run.query.ListRuntimes;
import dev.orchwiz.api.run.query.RuntimeList;
import dev.orchwiz.api.run.query.RuntimeView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers which runtimes the node has: they are configured here, with the node's keys, not in any read model. */
@Component
class RuntimeCatalog {

    private final Runtimes runtimes;

    RuntimeCatalog(Runtimes runtimes) {
        this.runtimes = runtimes;
    }

    @QueryHandler
    RuntimeList handle(ListRuntimes query) {
        return new RuntimeList(
                runtimes.nodeDefault().orElse(null),
                runtimes.all().stream()
                        .map(runtime -> new RuntimeView(
                                runtime.name(), runtime.configured(), runtime.deterministic(), runtime.defaultModel()))
                        .toList());
    }
}
