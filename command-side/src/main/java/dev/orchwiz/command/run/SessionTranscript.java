package dev.orchwiz.command.run;

import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.session.InteractionType;
import dev.orchwiz.api.session.event.SessionInteractionRecorded;
import dev.orchwiz.api.session.event.SessionStarted;
import dev.orchwiz.command.run.runtime.ChatTurn;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The conversation of a session up to a prompt, from the session's own events: the first prompt, then every prompt
 * and answer in order. Read from the event store, not a read model, so a run never starts from a lagging copy.
 */
@Component
class SessionTranscript {

    /** Older turns beyond this many are left out, oldest first, so one long session cannot outgrow a model's context. */
    static final int TURN_LIMIT = 50;

    private final EventStore events;

    SessionTranscript(EventStore events) {
        this.events = events;
    }

    /** The turns up to and including the prompt {@code upTo}; null means only the prompt the session started with. */
    List<ChatTurn> upTo(SessionId sessionId, UUID upTo) {
        List<ChatTurn> turns = new ArrayList<>();
        DomainEventStream stream = events.readEvents(sessionId.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object payload = message.getPayload();
            if (payload instanceof SessionStarted started) {
                if (started.prompt() != null && !started.prompt().isBlank()) {
                    turns.add(ChatTurn.user(started.prompt()));
                }
                if (upTo == null) {
                    break;
                }
            } else if (payload instanceof SessionInteractionRecorded interaction) {
                if (interaction.type() == InteractionType.USER_INPUT) {
                    turns.add(ChatTurn.user(interaction.content()));
                } else if (interaction.type() == InteractionType.AI_RESPONSE) {
                    turns.add(ChatTurn.assistant(interaction.content(), List.of()));
                }
                if (upTo != null && upTo.equals(interaction.interactionId())) {
                    break;
                }
            }
        }
        return turns.size() > TURN_LIMIT ? List.copyOf(turns.subList(turns.size() - TURN_LIMIT, turns.size())) : turns;
    }
}
