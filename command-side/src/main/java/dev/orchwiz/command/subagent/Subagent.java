package dev.orchwiz.command.subagent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.BuiltInPolicy;
import dev.orchwiz.api.permission.PolicyAssignment;
import dev.orchwiz.api.subagent.SubagentDefinition;
import dev.orchwiz.api.subagent.SubagentError;
import dev.orchwiz.api.subagent.command.AssignSubagentPolicies;
import dev.orchwiz.api.subagent.command.CreateSubagent;
import dev.orchwiz.api.subagent.command.DeleteSubagent;
import dev.orchwiz.api.subagent.command.ReviseSubagent;
import dev.orchwiz.api.subagent.command.SubagentChanged;
import dev.orchwiz.api.subagent.event.SubagentCreated;
import dev.orchwiz.api.subagent.event.SubagentDeleted;
import dev.orchwiz.api.subagent.event.SubagentPoliciesAssigned;
import dev.orchwiz.api.subagent.event.SubagentRevised;
import dev.orchwiz.command.ownership.Owned;
import dev.orchwiz.command.permission.PermissionPolicySlugs;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A subagent decides who may change it and which policies apply to its calls. A new private subagent starts under
 * {@code safe-core}, so an agent nobody configured still cannot run destructive commands unasked.
 */
@Aggregate
class Subagent {

    static final int MAX_POLICIES = 10;

    @AggregateIdentifier
    private SubagentId subagentId;

    private UserId ownerId;
    private boolean shared;
    private String name;

    Subagent() {
        // for Axon: rebuilt from events
    }

    Subagent(CreateSubagent command) {
        SubagentDefinition definition = SubagentRules.normalised(command.definition());
        UserId owner = command.actor().id();
        apply(new SubagentCreated(command.subagentId(), owner, definition, owner), Owned.by(owner));
        if (!definition.shared()) {
            apply(
                    new SubagentPoliciesAssigned(
                            command.subagentId(),
                            List.of(new PolicyAssignment(BuiltInPolicy.SAFE_CORE.slug(), 100)),
                            owner),
                    Owned.by(owner));
        }
    }

    SubagentChanged handle(ReviseSubagent command) {
        assertMayChange(command.actor());
        long version = currentVersion();
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw new SubagentRefusal(
                    SubagentError.VERSION_MISMATCH,
                    "Subagent is at version " + version + ", not " + command.expectedVersion() + "; reload and retry");
        }
        apply(
                new SubagentRevised(
                        subagentId,
                        SubagentRules.normalised(command.definition()),
                        command.actor().id()),
                Owned.by(ownerId));
        return changed();
    }

    void handle(DeleteSubagent command) {
        assertMayChange(command.actor());
        apply(new SubagentDeleted(subagentId, name, command.actor().id()), Owned.by(ownerId));
    }

    /**
     * Gives the subagent its policies: built-in ones or its owner's own, never the acting admin's or anyone else's,
     * because only the owner's policies ever apply to the owner's calls. {@code slugs} is read in this command's
     * transaction, so a policy created a moment ago can be assigned at once.
     */
    @CommandHandler
    SubagentChanged handle(AssignSubagentPolicies command, PermissionPolicySlugs slugs) {
        assertMayChange(command.actor());
        List<PolicyAssignment> assignments = command.assignments() == null ? List.of() : command.assignments();
        if (assignments.size() > MAX_POLICIES) {
            throw new SubagentRefusal(SubagentError.INVALID_INPUT, "at most " + MAX_POLICIES + " policies");
        }
        Set<String> seen = new HashSet<>();
        for (PolicyAssignment assignment : assignments) {
            if (assignment == null || !slugs.isAssignable(ownerId, assignment.policy())) {
                throw new SubagentRefusal(
                        SubagentError.INVALID_INPUT,
                        "unknown policy " + (assignment == null ? null : assignment.policy()));
            }
            if (!seen.add(assignment.policy())) {
                throw new SubagentRefusal(
                        SubagentError.INVALID_INPUT, "policy " + assignment.policy() + " listed twice");
            }
        }
        apply(
                new SubagentPoliciesAssigned(
                        subagentId, List.copyOf(assignments), command.actor().id()),
                Owned.by(ownerId));
        return changed();
    }

    String name() {
        return name;
    }

    UserId ownerId() {
        return ownerId;
    }

    SubagentChanged changed() {
        return new SubagentChanged(subagentId, currentVersion());
    }

    private void assertMayChange(Actor actor) {
        if (!actor.mayAccess(ownerId)) {
            if (shared) {
                throw new SubagentRefusal(
                        SubagentError.READ_ONLY, "Subagent " + name + " is shared with you read-only");
            }
            throw new SubagentRefusal(SubagentError.NOT_FOUND, "No subagent " + subagentId);
        }
    }

    private static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }

    @EventSourcingHandler
    void on(SubagentCreated event) {
        subagentId = event.subagentId();
        ownerId = event.ownerId();
        shared = event.definition().shared();
        name = event.definition().name();
    }

    @EventSourcingHandler
    void on(SubagentRevised event) {
        shared = event.definition().shared();
        name = event.definition().name();
    }

    @EventSourcingHandler
    void on(SubagentDeleted event) {
        markDeleted();
    }
}
