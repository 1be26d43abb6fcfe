package dev.orchwiz.command.forwarding.outbound;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.query.ListPeersToForward;
import dev.orchwiz.api.forwarding.query.PeerTarget;
import dev.orchwiz.api.forwarding.query.PeersToForward;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * An operator's retry of a dead letter: sends the stored batch again now, byte for byte under its webhook-id, and
 * removes it once the peer takes it; otherwise it stays, with the new answer, and the caller hears why.
 */
@Component
public class DeadLetterRetry {

    private final QueryGateway queries;
    private final OutboxLedger ledger;
    private final PeerDelivery delivery;

    DeadLetterRetry(QueryGateway queries, OutboxLedger ledger, PeerDelivery delivery) {
        this.queries = queries;
        this.ledger = ledger;
        this.delivery = delivery;
    }

    public void retry(String peerId, long letterId) {
        PeerTarget peer =
                queries
                        .query(new ListPeersToForward(), ResponseTypes.instanceOf(PeersToForward.class))
                        .join()
                        .peers()
                        .stream()
                        .filter(candidate -> candidate.peerId().equals(peerId))
                        .findFirst()
                        .orElseThrow(() ->
                                new OutboxRefusal(ForwardingError.PEER_NOT_FOUND, "No forwarding peer " + peerId));
        OutboxLedger.DeadLetter letter = ledger.deadLetter(peerId, letterId)
                .orElseThrow(() -> new OutboxRefusal(
                        ForwardingError.DEAD_LETTER_NOT_FOUND, "Peer " + peerId + " has no dead letter " + letterId));
        PeerDelivery.Outcome outcome = delivery.send(peer.url(), letter.batch());
        if (outcome.verdict() == PeerDelivery.Verdict.DELIVERED) {
            ledger.redelivered(peerId, letter);
            return;
        }
        ledger.refusedAgain(letter, outcome);
        throw new OutboxRefusal(ForwardingError.PEER_UNREACHABLE, "The peer did not take it: " + outcome.error());
    }
}
