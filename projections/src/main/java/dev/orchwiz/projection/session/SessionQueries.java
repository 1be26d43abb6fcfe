package dev.orchwiz.projection.session;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.session.query.FindSession;
import dev.orchwiz.api.session.query.ListSessionInteractions;
import dev.orchwiz.api.session.query.ListSessions;
import dev.orchwiz.api.session.query.SessionDetail;
import dev.orchwiz.api.session.query.SessionInteraction;
import dev.orchwiz.api.session.query.SessionInteractionPage;
import dev.orchwiz.api.session.query.SessionPage;
import dev.orchwiz.api.session.query.SessionSummary;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers session questions from the read model, never showing a viewer what is not theirs. */
@Component
class SessionQueries {

    private final SessionRows sessions;
    private final SessionInteractionRows interactions;

    SessionQueries(SessionRows sessions, SessionInteractionRows interactions) {
        this.sessions = sessions;
        this.interactions = interactions;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public SessionPage handle(ListSessions query) {
        Sort newestActivityFirst =
                Sort.by(Sort.Order.desc("lastActivityAt"), Sort.Order.desc("createdAt"), Sort.Order.asc("id"));
        Page<SessionRow> page =
                sessions.findAll(matching(query), PageRequest.of(query.page(), query.size(), newestActivityFirst));
        List<SessionSummary> items = page.map(SessionQueries::summary).getContent();
        return new SessionPage(items, query.page(), query.size(), page.getTotalElements(), page.getTotalPages());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<SessionDetail> handle(FindSession query) {
        return visible(query.viewer(), query.sessionId().value()).map(this::detail);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<SessionInteractionPage> handle(ListSessionInteractions query) {
        return visible(query.viewer(), query.sessionId().value()).map(row -> {
            Page<SessionInteractionRow> page =
                    interactions.findBySessionIdOrderBySequenceAsc(row.id, PageRequest.of(query.page(), query.size()));
            return new SessionInteractionPage(
                    page.map(SessionQueries::interaction).getContent(),
                    query.page(),
                    query.size(),
                    page.getTotalElements(),
                    page.getTotalPages());
        });
    }

    private Optional<SessionRow> visible(Actor viewer, UUID id) {
        return sessions.findById(id)
                .filter(row -> !row.archived)
                .filter(row ->
                        viewer.admin() || row.shared || viewer.id().value().equals(row.ownerId));
    }

    private static Specification<SessionRow> matching(ListSessions query) {
        return (root, criteria, builder) -> {
            List<Predicate> predicates = new ArrayList<>();
            predicates.add(builder.isFalse(root.get("archived")));
            if (!query.viewer().admin()) {
                predicates.add(builder.or(
                        builder.equal(root.get("ownerId"), query.viewer().id().value()),
                        builder.isTrue(root.get("shared"))));
            }
            if (query.statuses() != null && !query.statuses().isEmpty()) {
                predicates.add(root.get("status").in(query.statuses()));
            }
            if (query.mode() != null) {
                predicates.add(builder.equal(root.get("mode"), query.mode()));
            }
            if (query.source() != null) {
                predicates.add(builder.equal(root.get("source"), query.source()));
            }
            if (query.text() != null && !query.text().isBlank()) {
                String pattern = "%" + escapeLike(query.text().trim().toLowerCase(Locale.ROOT)) + "%";
                predicates.add(builder.or(
                        builder.like(builder.lower(root.get("title")), pattern, '\\'),
                        builder.like(builder.lower(root.get("description")), pattern, '\\'),
                        builder.like(builder.lower(root.get("projectName")), pattern, '\\'),
                        builder.like(builder.lower(root.get("branch")), pattern, '\\')));
            }
            return builder.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private SessionDetail detail(SessionRow row) {
        List<SessionInteraction> latest =
                new ArrayList<>(interactions.findTop100BySessionIdOrderBySequenceDesc(row.id).stream()
                        .map(SessionQueries::interaction)
                        .toList());
        Collections.reverse(latest);
        return new SessionDetail(
                row.id.toString(),
                row.title,
                row.description,
                row.prompt,
                row.status,
                row.mode,
                row.source,
                row.projectName,
                row.branch,
                row.environment,
                row.metadata,
                row.parentSessionId == null ? null : row.parentSessionId.toString(),
                row.ownerId,
                row.interactionCount,
                row.forkCount,
                row.createdAt,
                row.lastActivityAt,
                row.completedAt,
                row.version,
                latest,
                row.shared);
    }

    private static SessionSummary summary(SessionRow row) {
        return new SessionSummary(
                row.id.toString(),
                row.title,
                row.description,
                row.status,
                row.mode,
                row.source,
                row.projectName,
                row.branch,
                row.environment,
                row.parentSessionId == null ? null : row.parentSessionId.toString(),
                row.ownerId,
                row.interactionCount,
                row.createdAt,
                row.lastActivityAt,
                row.completedAt,
                row.version,
                row.shared);
    }

    private static SessionInteraction interaction(SessionInteractionRow row) {
        return new SessionInteraction(
                row.id.toString(), row.sequence, row.type, row.content, row.metadata, row.byUser, row.at);
    }
}
