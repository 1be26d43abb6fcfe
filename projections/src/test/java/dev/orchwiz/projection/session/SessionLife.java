package dev.orchwiz.projection.session;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.session.InteractionType;
import dev.orchwiz.api.session.SessionMode;
import dev.orchwiz.api.session.SessionSource;
import dev.orchwiz.api.session.event.SessionCompleted;
import dev.orchwiz.api.session.event.SessionDescriptionChanged;
import dev.orchwiz.api.session.event.SessionExecutionStarted;
import dev.orchwiz.api.session.event.SessionForked;
import dev.orchwiz.api.session.event.SessionInteractionRecorded;
import dev.orchwiz.api.session.event.SessionMetadataChanged;
import dev.orchwiz.api.session.event.SessionModeChanged;
import dev.orchwiz.api.session.event.SessionRenamed;
import dev.orchwiz.api.session.event.SessionStarted;
import dev.orchwiz.api.session.event.SessionWorkspaceChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One session's whole life as the projector receives it, so live, replayed and caught-up rows can be compared. */
final class SessionLife {

    /** How many events {@link #play} hands the projector. */
    static final int EVENTS = 11;

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private SessionLife() {}

    static void play(SessionProjector projector, SessionId id, UserId owner, UUID first, UUID second) {
        steps(projector, id, owner, first, second).forEach(Runnable::run);
    }

    /** The life's events, each a step that hands one event to the projector, in their order. */
    static List<Runnable> steps(SessionProjector projector, SessionId id, UserId owner, UUID first, UUID second) {
        return List.of(
                () -> projector.on(
                        new SessionStarted(
                                id,
                                owner,
                                "t",
                                "d",
                                "p",
                                SessionMode.PLAN,
                                SessionSource.WEB,
                                "orchwiz",
                                "main",
                                null,
                                Map.of("k", "v"),
                                null,
                                owner,
                                null,
                                null),
                        0,
                        T0),
                () -> projector.on(
                        new SessionInteractionRecorded(id, first, InteractionType.USER_INPUT, "go", null, owner),
                        1,
                        T0),
                () -> projector.on(new SessionExecutionStarted(id, owner), 2, T0.plusSeconds(2)),
                () -> projector.on(
                        new SessionInteractionRecorded(
                                id, second, InteractionType.AI_RESPONSE, "done", Map.of("n", 1), owner),
                        3,
                        T0.plusSeconds(3)),
                () -> projector.on(
                        new SessionModeChanged(id, SessionMode.PLAN, SessionMode.AUTO_ACCEPT, owner),
                        4,
                        T0.plusSeconds(4)),
                () -> projector.on(new SessionRenamed(id, "renamed", owner), 5, T0.plusSeconds(5)),
                () -> projector.on(new SessionWorkspaceChanged(id, "p", null, "ci", owner), 6, T0.plusSeconds(6)),
                () -> projector.on(new SessionMetadataChanged(id, Map.of("pr", 7), owner), 7, T0.plusSeconds(7)),
                () -> projector.on(new SessionForked(id, SessionId.random(), owner), 8, T0.plusSeconds(8)),
                () -> projector.on(new SessionCompleted(id, null, owner), 9, T0.plusSeconds(9)),
                () -> projector.on(new SessionDescriptionChanged(id, "described", owner), 10, T0.plusSeconds(10)));
    }
}
