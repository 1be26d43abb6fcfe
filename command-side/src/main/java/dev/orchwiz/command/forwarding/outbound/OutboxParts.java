package dev.orchwiz.command.forwarding.outbound;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** What every peer's outbox works with; one set for all of them. */
@Component
record OutboxParts(
        OutboxLedger ledger,
        EventStore events,
        OutgoingEvents outgoing,
        PeerDelivery delivery,
        NodeSignature signature,
        OutboxSettings settings,
        ObjectMapper json,
        MeterRegistry meters) {}
