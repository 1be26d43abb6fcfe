package dev.orchwiz.command.permission;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.orchwiz.api.id.PermissionPolicyId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.PermissionError;
import dev.orchwiz.api.permission.PermissionPolicyDefinition;
import dev.orchwiz.api.permission.command.CreatePermissionPolicy;
import dev.orchwiz.api.permission.command.PermissionPolicyChanged;
import dev.orchwiz.api.permission.command.RemovePermissionPolicy;
import dev.orchwiz.api.permission.command.RevisePermissionPolicy;
import dev.orchwiz.api.permission.event.PermissionPolicyCreated;
import dev.orchwiz.api.permission.event.PermissionPolicyRemoved;
import dev.orchwiz.api.permission.event.PermissionPolicyRevised;
import dev.orchwiz.command.ownership.Owned;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A policy a user wrote: a named list of rules they can give their subagents. It belongs to its author and only ever
 * applies to the author's subagents. Slugs are unique per owner; that rule spans aggregates, so {@link
 * PermissionPolicyNaming} claims the slug before a policy is created and releases it when the policy is removed. The
 * slug never changes: subagents refer to the policy by it.
 */
@Aggregate
class PermissionPolicy {

    @AggregateIdentifier
    private PermissionPolicyId policyId;

    private UserId ownerId;
    private String slug;

    PermissionPolicy() {
        // for Axon: rebuilt from events
    }

    PermissionPolicy(CreatePermissionPolicy command) {
        String validSlug = PermissionPolicyRules.slug(command.slug());
        PermissionPolicyDefinition definition = PermissionPolicyRules.normalised(validSlug, command.definition());
        UserId owner = command.actor().id();
        apply(new PermissionPolicyCreated(command.policyId(), owner, validSlug, definition, owner), Owned.by(owner));
    }

    @CommandHandler
    PermissionPolicyChanged handle(RevisePermissionPolicy command) {
        assertMayChange(command.actor());
        assertExpectedVersion(command.expectedVersion());
        PermissionPolicyDefinition definition = PermissionPolicyRules.normalised(slug, command.definition());
        apply(new PermissionPolicyRevised(policyId, definition, command.actor().id()), Owned.by(ownerId));
        return changed();
    }

    void handle(RemovePermissionPolicy command) {
        assertMayChange(command.actor());
        apply(new PermissionPolicyRemoved(policyId, slug, command.actor().id()), Owned.by(ownerId));
    }

    String slug() {
        return slug;
    }

    UserId ownerId() {
        return ownerId;
    }

    PermissionPolicyChanged changed() {
        return new PermissionPolicyChanged(policyId, currentVersion());
    }

    // --- guards ---

    private void assertMayChange(Actor actor) {
        if (!actor.mayAccess(ownerId)) {
            // Someone else's policy answers exactly like a missing one, so slugs and ids cannot be probed.
            throw new PermissionRefusal(PermissionError.POLICY_NOT_FOUND, "No permission policy " + policyId);
        }
    }

    private void assertExpectedVersion(Long expectedVersion) {
        long version = currentVersion();
        if (expectedVersion != null && expectedVersion != version) {
            throw new PermissionRefusal(
                    PermissionError.POLICY_VERSION_MISMATCH,
                    "Policy is at version " + version + ", not " + expectedVersion + "; reload and retry");
        }
    }

    private static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    // --- state ---

    @EventSourcingHandler
    void on(PermissionPolicyCreated event) {
        policyId = event.policyId();
        ownerId = event.ownerId();
        slug = event.slug();
    }

    @EventSourcingHandler
    void on(PermissionPolicyRemoved event) {
        markDeleted();
    }
}
