package dev.orchwiz.command.slashcommand;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.slashcommand.SlashCommandDefinition;
import dev.orchwiz.api.slashcommand.SlashCommandError;
import dev.orchwiz.api.slashcommand.command.DefineSlashCommand;
import dev.orchwiz.api.slashcommand.command.DeleteSlashCommand;
import dev.orchwiz.api.slashcommand.command.ReviseSlashCommand;
import dev.orchwiz.api.slashcommand.command.SlashCommandChanged;
import dev.orchwiz.api.slashcommand.event.SlashCommandDefined;
import dev.orchwiz.api.slashcommand.event.SlashCommandDeleted;
import dev.orchwiz.api.slashcommand.event.SlashCommandRevised;
import dev.orchwiz.command.ownership.Owned;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A slash command decides who may change it and keeps its definition valid. Names are unique per owner; that rule
 * spans aggregates, so {@link SlashCommandNaming} claims names before commands reach this aggregate.
 */
@Aggregate
class SlashCommand {

    @AggregateIdentifier
    private SlashCommandId commandId;

    private UserId ownerId;
    private boolean shared;
    private String name;

    SlashCommand() {
        // for Axon: rebuilt from events
    }

    SlashCommand(DefineSlashCommand command) {
        SlashCommandDefinition definition = SlashCommandRules.normalised(command.definition());
        apply(
                new SlashCommandDefined(
                        command.commandId(),
                        command.actor().id(),
                        definition,
                        command.actor().id()),
                Owned.by(command.actor().id()));
    }

    SlashCommandChanged handle(ReviseSlashCommand command) {
        assertMayChange(command.actor());
        assertExpectedVersion(command.expectedVersion());
        SlashCommandDefinition definition = SlashCommandRules.normalised(command.definition());
        apply(new SlashCommandRevised(commandId, definition, command.actor().id()), Owned.by(ownerId));
        return changed();
    }

    void handle(DeleteSlashCommand command) {
        assertMayChange(command.actor());
        apply(new SlashCommandDeleted(commandId, name, command.actor().id()), Owned.by(ownerId));
    }

    String name() {
        return name;
    }

    UserId ownerId() {
        return ownerId;
    }

    SlashCommandChanged changed() {
        return new SlashCommandChanged(commandId, currentVersion());
    }

    // --- guards ---

    private void assertMayChange(Actor actor) {
        if (!actor.mayAccess(ownerId)) {
            if (shared) {
                throw new SlashCommandRefusal(
                        SlashCommandError.READ_ONLY, "Command " + name + " is shared with you read-only");
            }
            // Someone else's command answers exactly like a missing one, so ids cannot be probed.
            throw new SlashCommandRefusal(SlashCommandError.NOT_FOUND, "No slash command " + commandId);
        }
    }

    private void assertExpectedVersion(Long expectedVersion) {
        long version = currentVersion();
        if (expectedVersion != null && expectedVersion != version) {
            throw new SlashCommandRefusal(
                    SlashCommandError.VERSION_MISMATCH,
                    "Command is at version " + version + ", not " + expectedVersion + "; reload and retry");
        }
    }

    private static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    // --- state ---

    @EventSourcingHandler
    void on(SlashCommandDefined event) {
        commandId = event.commandId();
        ownerId = event.ownerId();
        shared = event.definition().shared();
        name = event.definition().name();
    }

    @EventSourcingHandler
    void on(SlashCommandRevised event) {
        shared = event.definition().shared();
        name = event.definition().name();
    }

    @EventSourcingHandler
    void on(SlashCommandDeleted event) {
        markDeleted();
    }
}
