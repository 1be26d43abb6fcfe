package dev.orchwiz.command.forwarding;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.SourceKind;
import dev.orchwiz.api.forwarding.command.DisableForwardingSource;
import dev.orchwiz.api.forwarding.command.RegisterForwardingSource;
import dev.orchwiz.api.forwarding.command.RemoveForwardingSource;
import dev.orchwiz.api.forwarding.command.RepinForwardingSource;
import dev.orchwiz.api.forwarding.event.ForwardingSourceDisabled;
import dev.orchwiz.api.forwarding.event.ForwardingSourceRegistered;
import dev.orchwiz.api.forwarding.event.ForwardingSourceRemoved;
import dev.orchwiz.api.forwarding.event.ForwardingSourceRepinned;
import dev.orchwiz.api.id.ForwardingSourceId;
import dev.orchwiz.api.identity.Actor;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/** An origin node this node trusts: what it may send is checked against the key or api key pinned here. */
@Aggregate
class ForwardingSource {

    /** Node ids travel in a header and name rows; letters, digits and a few separators keep both plain. */
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private static final int MAX_NAME = 200;

    @AggregateIdentifier
    private ForwardingSourceId sourceId;

    private boolean enabled;

    private SourceKind kind;

    ForwardingSource() {
        // for Axon
    }

    @CommandHandler
    ForwardingSource(RegisterForwardingSource command) {
        assertAdmin(command.actor());
        assertPlainNodeId(command.nodeId());
        assertName(command.name());
        apply(new ForwardingSourceRegistered(
                command.sourceId(),
                command.nodeId(),
                command.name() == null || command.name().isBlank()
                        ? command.nodeId()
                        : command.name().strip(),
                command.kind(),
                command.credential(),
                command.actor().id(),
                command.pullUrl()));
    }

    @CommandHandler
    long handle(DisableForwardingSource command) {
        assertAdmin(command.actor());
        if (enabled) {
            apply(new ForwardingSourceDisabled(sourceId, command.actor().id()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RepinForwardingSource command) {
        assertAdmin(command.actor());
        assertKeySource();
        apply(new ForwardingSourceRepinned(
                sourceId,
                command.publicKey(),
                command.previousValidUntil(),
                command.actor().id()));
        return AggregateLifecycle.getVersion();
    }

    private void assertKeySource() {
        if (kind != SourceKind.PUBLIC_KEY) {
            throw new ForwardingRefusal(
                    ForwardingError.INVALID_INPUT, "Only a source trusted by its public key can pin another key");
        }
    }

    @CommandHandler
    void handle(RemoveForwardingSource command) {
        assertAdmin(command.actor());
        apply(new ForwardingSourceRemoved(sourceId, command.actor().id()));
    }

    static void assertAdmin(Actor actor) {
        if (!actor.admin()) {
            throw new ForwardingRefusal(ForwardingError.NOT_ADMIN, "Only admins manage forwarding sources");
        }
    }

    static void assertPlainNodeId(String nodeId) {
        if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
            throw new ForwardingRefusal(
                    ForwardingError.INVALID_INPUT,
                    "nodeId must be 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
    }

    private static void assertName(String name) {
        if (name != null && (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl))) {
            throw new ForwardingRefusal(
                    ForwardingError.INVALID_INPUT, "name must be one line of at most " + MAX_NAME + " characters");
        }
    }

    @EventSourcingHandler
    void on(ForwardingSourceRegistered event) {
        sourceId = event.sourceId();
        enabled = true;
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(ForwardingSourceDisabled event) {
        enabled = false;
    }

    @EventSourcingHandler
    void on(ForwardingSourceRemoved event) {
        markDeleted();
    }
}
