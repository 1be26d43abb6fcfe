package dev.orchwiz.command.hook;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.orchwiz.api.hook.HookDefinition;
import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.hook.HookType;
import dev.orchwiz.api.hook.command.HookChanged;
import dev.orchwiz.api.hook.command.RegisterHook;
import dev.orchwiz.api.hook.command.RemoveHook;
import dev.orchwiz.api.hook.command.ReviseHook;
import dev.orchwiz.api.hook.command.RotateHookSecret;
import dev.orchwiz.api.hook.event.HookRegistered;
import dev.orchwiz.api.hook.event.HookRemoved;
import dev.orchwiz.api.hook.event.HookRevised;
import dev.orchwiz.api.hook.event.HookSecretRotated;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.command.ownership.Owned;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A hook decides who may change it and keeps its definition valid; its secret lives outside, in {@link HookSecrets},
 * and its name is claimed per owner by {@link HookRegistration}, since uniqueness spans aggregates.
 */
@Aggregate
class Hook {

    @AggregateIdentifier
    private HookId hookId;

    private UserId ownerId;
    private String name;
    private HookType type;

    Hook() {
        // for Axon: rebuilt from events
    }

    Hook(RegisterHook command) {
        HookDefinition definition = HookRules.normalised(command.definition());
        apply(
                new HookRegistered(
                        command.hookId(),
                        command.actor().id(),
                        definition,
                        command.actor().id()),
                Owned.by(command.actor().id()));
    }

    HookChanged handle(ReviseHook command) {
        assertOwnedBy(command.actor());
        long version = currentVersion();
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw new HookRefusal(
                    HookError.VERSION_MISMATCH,
                    "Hook is at version " + version + ", not " + command.expectedVersion() + "; reload and retry");
        }
        HookDefinition definition = HookRules.normalised(command.definition());
        apply(new HookRevised(hookId, definition, command.actor().id()), Owned.by(ownerId));
        return changed();
    }

    void handle(RemoveHook command) {
        assertOwnedBy(command.actor());
        apply(new HookRemoved(hookId, command.actor().id()), Owned.by(ownerId));
    }

    HookChanged handle(RotateHookSecret command) {
        assertOwnedBy(command.actor());
        if (type != HookType.WEBHOOK) {
            throw new HookRefusal(HookError.INVALID_INPUT, "Only webhooks have a signing secret");
        }
        apply(new HookSecretRotated(hookId, command.actor().id()), Owned.by(ownerId));
        return changed();
    }

    HookType type() {
        return type;
    }

    String name() {
        return name;
    }

    UserId ownerId() {
        return ownerId;
    }

    HookChanged changed() {
        return new HookChanged(hookId, currentVersion());
    }

    private void assertOwnedBy(Actor actor) {
        if (!actor.mayAccess(ownerId)) {
            // Someone else's hook answers like a missing one, so ids cannot be probed.
            throw new HookRefusal(HookError.NOT_FOUND, "No hook " + hookId);
        }
    }

    private static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    @EventSourcingHandler
    void on(HookRegistered event) {
        hookId = event.hookId();
        ownerId = event.ownerId();
        name = event.definition().name();
        type = event.definition().type();
    }

    @EventSourcingHandler
    void on(HookRevised event) {
        name = event.definition().name();
        type = event.definition().type();
    }

    @EventSourcingHandler
    void on(HookRemoved event) {
        markDeleted();
    }
}
