package dev.orchwiz.query.session;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.FieldProblem;
import dev.orchwiz.api.problem.InvalidRequest;
import dev.orchwiz.api.problem.RequestError;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.read.CatchUp;
import dev.orchwiz.api.session.SessionError;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.SessionStatus;
import dev.orchwiz.api.session.query.FindSession;
import dev.orchwiz.api.session.query.ListSessionInteractions;
import dev.orchwiz.api.session.query.ListSessions;
import dev.orchwiz.api.session.query.SessionInteractionPage;
import dev.orchwiz.api.session.query.SessionPage;
import dev.orchwiz.api.session.query.SessionView;
import dev.orchwiz.web.DefaultPageSize;
import dev.orchwiz.web.PageParameters;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sessions")
class SessionQueryController {

    private final QueryGateway queries;

    SessionQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    SessionPage list(
            Actor actor,
            @RequestParam(name = "status", required = false) List<String> status,
            @RequestParam(required = false) SessionMode mode,
            @RequestParam(required = false) SessionSource source,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(defaultValue = "false") boolean includeForwarded,
            @RequestParam(required = false) String sourceNodeId,
            PageParameters paging) {
        if (text != null && text.length() > 200) {
            throw invalidParameter("q", "must be at most 200 characters");
        }
        if (sourceNodeId != null
                && (sourceNodeId.isBlank()
                        || sourceNodeId.length() > 128
                        || sourceNodeId.chars().anyMatch(c -> c < '!' || c > '~'))) {
            throw invalidParameter("sourceNodeId", "must be local or a node id of 1 to 128 printable characters");
        }
        ListSessions query = new ListSessions(
                actor,
                statuses(status),
                mode,
                source,
                text,
                includeForwarded,
                sourceNodeId,
                paging.page(),
                paging.size());
        if (query.wantsForwarded() && !actor.admin()) {
            // Forwarded sessions have no local owner: they are the node's, like its forwarding settings (ADR 17).
            throw new RuleViolation(ForwardingError.NOT_ADMIN, "Only admins list forwarded sessions") {};
        }
        return queries.query(query, ResponseTypes.instanceOf(SessionPage.class)).join();
    }

    /**
     * One session. With {@code minVersion} the answer waits (briefly) until the read model has caught up with a
     * write the caller just made, so a client reads its own writes without polling ({@link CatchUp}).
     */
    @GetMapping("/{id}")
    ResponseEntity<SessionView> find(
            Actor actor, @PathVariable String id, @RequestParam(required = false) Long minVersion) {
        SessionId sessionId = sessionId(id);
        CatchUp.Read<SessionView> read =
                CatchUp.READ_YOUR_WRITES.read(() -> find(actor, sessionId), SessionView::version, minVersion);
        SessionView found = read.found().orElseThrow(() -> new SessionMissing(id));
        return ResponseEntity.ok()
                .eTag("\"" + found.version() + "\"")
                .header(CatchUp.BEHIND_HEADER, Boolean.toString(read.behind()))
                .body(found);
    }

    @GetMapping("/{id}/interactions")
    SessionInteractionPage interactions(
            Actor actor, @PathVariable String id, @DefaultPageSize(50) PageParameters paging) {
        ListSessionInteractions query = new ListSessionInteractions(actor, sessionId(id), paging.page(), paging.size());
        return queries.query(query, ResponseTypes.optionalInstanceOf(SessionInteractionPage.class))
                .join()
                .orElseThrow(() -> new SessionMissing(id));
    }

    private Optional<SessionView> find(Actor actor, SessionId sessionId) {
        return queries.query(new FindSession(actor, sessionId), ResponseTypes.optionalInstanceOf(SessionView.class))
                .join();
    }

    private static Set<SessionStatus> statuses(List<String> raw) {
        if (raw == null) {
            return Set.of();
        }
        Set<SessionStatus> statuses = EnumSet.noneOf(SessionStatus.class);
        for (String item : raw) {
            for (String value : item.split(",")) {
                if (value.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(WireNamed.fromWire(SessionStatus.class, value.trim()));
                } catch (IllegalArgumentException unknown) {
                    throw invalidParameter("status", unknown.getMessage());
                }
            }
        }
        return statuses;
    }

    private static InvalidRequest invalidParameter(String name, String problem) {
        return new InvalidRequest(
                RequestError.INVALID_PARAMETER, name + " " + problem, List.of(new FieldProblem(name, problem)));
    }

    private static SessionId sessionId(String raw) {
        return SessionId.parse(raw).orElseThrow(() -> new SessionMissing(raw));
    }

    /** Missing, archived and someone else's sessions read the same, so ids cannot be probed. */
    static class SessionMissing extends RuleViolation {

        SessionMissing(String id) {
            super(SessionError.NOT_FOUND, "No session " + id);
        }
    }
}
