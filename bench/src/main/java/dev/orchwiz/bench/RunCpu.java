package dev.orchwiz.bench;

/**
 * CPU per operation of the runs phase's three measurements, from {@code /proc}: the node's JVM, the node's reaped
 * child processes (the sandboxed {@code Bash} runs), and the node's PostgreSQL backends, each divided by the
 * operations finished in the measured window.
 *
 * <p>Throughput on a shared two-core machine measures the other processes as much as the node; CPU per operation
 * does not depend on who else runs, so the marginal overhead is also given on it, in the throughput figure's shape:
 * {@code (cpu per tool-run − cpu per plain run) ÷ callsPerRun ÷ cpu per direct call − 1}. It includes what the
 * clients' status reads cost the node (a longer operation is read more often), as the throughput figure does.
 */
record RunCpu(double nodeMs, double sandboxMs, double postgresMs) {

    /** The figures of one measurement; NaN when its CPU or its rate is unknown. */
    static RunCpu of(Measurement.Measured measured) {
        double rate = measured.perSecond();
        if (measured.probe() == null || !(rate > 0)) {
            return new RunCpu(Double.NaN, Double.NaN, Double.NaN);
        }
        Resources.Usage usage = measured.probe().usage();
        return new RunCpu(
                usage.node() * 1000 / rate, usage.nodeChildren() * 1000 / rate, usage.postgres() * 1000 / rate);
    }

    /** The node's JVM and its sandboxed processes: the node's own time. */
    double nodeAndSandboxMs() {
        return nodeMs + sandboxMs;
    }

    /** The node's time and its database's. */
    double allMs() {
        return nodeMs + sandboxMs + postgresMs;
    }

    /** The marginal overhead per call on the node's own CPU (JVM + sandbox), in percent. */
    static double marginalPercent(RunCpu plain, RunCpu withTool, RunCpu direct, int callsPerRun) {
        return RunOverhead.percentOver(
                (withTool.nodeAndSandboxMs() - plain.nodeAndSandboxMs()) / callsPerRun, direct.nodeAndSandboxMs());
    }

    /** The same with the PostgreSQL backends' CPU added to each. */
    static double marginalWithDatabasePercent(RunCpu plain, RunCpu withTool, RunCpu direct, int callsPerRun) {
        return RunOverhead.percentOver((withTool.allMs() - plain.allMs()) / callsPerRun, direct.allMs());
    }
}
