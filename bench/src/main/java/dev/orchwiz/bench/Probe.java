package dev.orchwiz.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** What the node and its database did during one phase: CPU by process, GC, and database waits. */
final class Probe {

    /** GC pauses so far, from the node's {@code jvm.gc.pause} timer. */
    record Gc(long count, double seconds, double maxSeconds) {

        static Gc read(Http http) {
            JsonNode json = http.get("/actuator/metrics/jvm.gc.pause").json();
            long count = 0;
            double total = 0;
            double max = 0;
            for (JsonNode measurement : json.path("measurements")) {
                switch (measurement.path("statistic").asText()) {
                    case "COUNT" -> count = measurement.path("value").asLong();
                    case "TOTAL_TIME" -> total = measurement.path("value").asDouble();
                    case "MAX" -> max = measurement.path("value").asDouble();
                    default -> {}
                }
            }
            return new Gc(count, total, max);
        }

        Gc since(Gc earlier) {
            return new Gc(count - earlier.count, seconds - earlier.seconds, maxSeconds);
        }
    }

    /** The figures of one finished phase. */
    record Result(String phase, Resources.Usage usage, Gc gc, List<Map.Entry<String, Double>> waits) {}

    private final String phase;
    private final Http http;
    private final Resources resources;
    private final Resources.Snapshot start;
    private final Gc gcStart;
    private final Resources.WaitSampler sampler;

    private Probe(String phase, Http http, Resources resources) {
        this.phase = phase;
        this.http = http;
        this.resources = resources;
        this.gcStart = Gc.read(http);
        this.start = resources.snapshot();
        this.sampler = resources.hasDatabase() ? resources.new WaitSampler(250) : null;
    }

    static Probe begin(String phase, Http http, Resources resources) {
        return new Probe(phase, http, resources);
    }

    Result end() throws InterruptedException {
        Resources.Usage usage = start.until(resources.snapshot());
        Gc gc = Gc.read(http).since(gcStart);
        List<Map.Entry<String, Double>> waits = List.of();
        if (sampler != null) {
            sampler.close();
            waits = sampler.averages();
        }
        return new Result(phase, usage, gc, waits);
    }
}
