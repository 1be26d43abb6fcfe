package dev.orchwiz.query.run;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.run.RunError;
import dev.orchwiz.api.run.query.FindRun;
import dev.orchwiz.api.run.query.FindTrace;
import dev.orchwiz.api.run.query.FindUsage;
import dev.orchwiz.api.run.query.ListNotableRuns;
import dev.orchwiz.api.run.query.ListRuntimes;
import dev.orchwiz.api.run.query.ListSessionRuns;
import dev.orchwiz.api.run.query.RunPage;
import dev.orchwiz.api.run.query.RunRanking;
import dev.orchwiz.api.run.query.RunView;
import dev.orchwiz.api.run.query.RuntimeList;
import dev.orchwiz.api.run.query.TraceView;
import dev.orchwiz.api.run.query.Usage;
import dev.orchwiz.api.run.query.UsageGrouping;
import dev.orchwiz.api.session.SessionError;
import dev.orchwiz.query.PathId;
import dev.orchwiz.query.Reads;
import dev.orchwiz.web.PageParameters;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agent runs, their traces, the node's runtimes and the usage reports of the observability page. */
@RestController
class RunQueryController {

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final int MAX_DAYS = 366;
    private static final int MAX_NOTABLE = 100;

    private static final PathId<RunId> RUN = new PathId<>(RunId::parse, RunError.NOT_FOUND, "No run ");
    private static final PathId<SessionId> SESSION =
            new PathId<>(SessionId::parse, SessionError.NOT_FOUND, "No session ");

    private final Reads reads;

    RunQueryController(Reads reads) {
        this.reads = reads;
    }

    /** One run. With {@code minVersion} (a run write's {@code version}) the answer waits briefly for that write. */
    @GetMapping("/api/runs/{id}")
    ResponseEntity<RunView> find(
            Actor actor, @PathVariable String id, @RequestParam(required = false) Long minVersion) {
        return reads.findCaughtUp(
                id, RUN, runId -> new FindRun(actor, runId, minVersion), RunView.class, RunView::version, minVersion);
    }

    @GetMapping("/api/sessions/{id}/runs")
    RunPage sessionRuns(Actor actor, @PathVariable String id, PageParameters paging) {
        return reads.ask(new ListSessionRuns(actor, SESSION.parse(id), paging.page(), paging.size()), RunPage.class);
    }

    @GetMapping("/api/traces/{traceId}")
    TraceView trace(Actor actor, @PathVariable String traceId) {
        if (!TRACE_ID.matcher(traceId).matches()) {
            throw Reads.missing(RunError.TRACE_NOT_FOUND, "No trace " + traceId);
        }
        return reads.findOr404(
                new FindTrace(actor, traceId), TraceView.class, RunError.TRACE_NOT_FOUND, "No trace " + traceId);
    }

    @GetMapping("/api/runtimes")
    RuntimeList runtimes() {
        return reads.ask(new ListRuntimes(), RuntimeList.class);
    }

    @GetMapping("/api/observability/usage")
    Usage usage(
            Actor actor,
            @RequestParam(defaultValue = "model") String groupBy,
            @RequestParam(defaultValue = "30") int days) {
        Reads.assertBetweenOneAnd(MAX_DAYS, "days", days);
        return reads.ask(new FindUsage(actor, choice(UsageGrouping.class, "groupBy", groupBy), days), Usage.class);
    }

    @GetMapping("/api/observability/runs")
    RunPage notableRuns(
            Actor actor,
            @RequestParam(defaultValue = "slowest") String sort,
            @RequestParam(defaultValue = "10") int size) {
        Reads.assertBetweenOneAnd(MAX_NOTABLE, "size", size);
        return reads.ask(new ListNotableRuns(actor, choice(RunRanking.class, "sort", sort), size), RunPage.class);
    }

    /** One of the enum's wire names in any case, as these parameters always were (upper case first, as they were). */
    private static <E extends Enum<E> & WireNamed> E choice(Class<E> type, String field, String value) {
        try {
            return WireNamed.fromWire(type, value.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw Reads.invalid(field, "must be one of " + WireNamed.wireNames(type));
        }
    }
}
