package dev.orchwiz.bench;

/** One part of the benchmark: loads the node and records what it measured in the run's {@link Report}. */
interface Phase {

    void run(Harness harness) throws Exception;
}
