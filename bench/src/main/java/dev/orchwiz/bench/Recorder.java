package dev.orchwiz.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latencies and outcomes of one client, per operation. Not thread-safe: each client thread owns one, and they are
 * merged when the phase is over. Samples are capped so memory stays bounded however long a phase runs.
 */
final class Recorder {

    static final String ALL = "all";
    private static final int MAX_SAMPLES = 2_000_000;

    private final Map<String, Samples> latencies = new TreeMap<>();
    private final Map<String, Map<String, Long>> outcomes = new TreeMap<>();

    void record(String op, Http.Result result) {
        outcomes.computeIfAbsent(op, k -> new TreeMap<>()).merge(result.outcome(), 1L, Long::sum);
        if (result.ok()) {
            latencies.computeIfAbsent(op, k -> new Samples()).add(result.nanos());
        }
    }

    static Recorder merge(Collection<Recorder> recorders) {
        Recorder merged = new Recorder();
        for (Recorder recorder : recorders) {
            recorder.latencies.forEach((op, samples) ->
                    merged.latencies.computeIfAbsent(op, k -> new Samples()).addAll(samples));
            recorder.outcomes.forEach((op, counts) -> counts.forEach((outcome, n) ->
                    merged.outcomes.computeIfAbsent(op, k -> new TreeMap<>()).merge(outcome, n, Long::sum)));
        }
        return merged;
    }

    /** Every operation name recorded, sorted. */
    Collection<String> ops() {
        return outcomes.keySet();
    }

    /** Latency of the successful answers to {@code op}, or of all operations for {@link #ALL}. */
    Stats stats(String op) {
        if (ALL.equals(op)) {
            Samples all = new Samples();
            latencies.values().forEach(all::addAll);
            return Stats.of(all.toArray());
        }
        Samples samples = latencies.get(op);
        return Stats.of(samples == null ? new long[0] : samples.toArray());
    }

    /** Answers counted by outcome ({@code 2xx}, a status, or a transport error), for one op or {@link #ALL}. */
    Map<String, Long> outcomes(String op) {
        Map<String, Long> result = new TreeMap<>();
        outcomes.forEach((name, counts) -> {
            if (ALL.equals(op) || name.equals(op)) {
                counts.forEach((outcome, n) -> result.merge(outcome, n, Long::sum));
            }
        });
        return result;
    }

    long total(String op) {
        return outcomes(op).values().stream().mapToLong(Long::longValue).sum();
    }

    long errors(String op) {
        return outcomes(op).entrySet().stream()
                .filter(e -> !e.getKey().equals("2xx"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Non-2xx outcomes as text, e.g. {@code "409×3, timeout×1"}, or {@code "none"}. */
    String errorSummary(String op) {
        StringBuilder text = new StringBuilder();
        outcomes(op).forEach((outcome, n) -> {
            if (!outcome.equals("2xx")) {
                text.append(text.length() == 0 ? "" : ", ")
                        .append(outcome)
                        .append("×")
                        .append(n);
            }
        });
        return text.length() == 0 ? "none" : text.toString();
    }

    /** A growable array of nanosecond samples. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == MAX_SAMPLES) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.min(values.length * 2, MAX_SAMPLES));
            }
            values[size++] = value;
        }

        void addAll(Samples other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Latency percentiles in milliseconds (nearest rank). */
    record Stats(long count, double p50, double p90, double p99, double max, double mean) {

        static Stats of(long[] nanos) {
            if (nanos.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            double sum = 0;
            for (long value : sorted) {
                sum += value;
            }
            return new Stats(
                    sorted.length,
                    ms(percentile(sorted, 0.50)),
                    ms(percentile(sorted, 0.90)),
                    ms(percentile(sorted, 0.99)),
                    ms(sorted[sorted.length - 1]),
                    sum / sorted.length / 1e6);
        }

        private static long percentile(long[] sorted, double p) {
            int rank = (int) Math.ceil(p * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }
}
