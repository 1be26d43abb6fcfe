package dev.orchwiz.bench;

/** What every {@link Phase} works with: the settings, the node, the shared counters and the run's report. */
record Harness(
        Config config,
        NodeUnderTest node,
        Clients.Counters counters,
        Measurement measurement,
        Diagnostics diagnostics,
        Report report) {}
