package dev.orchwiz.command.permission;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import dev.orchwiz.api.id.PermissionRuleId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.PermissionError;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.permission.command.AddPermissionRule;
import dev.orchwiz.api.permission.command.RemovePermissionRule;
import dev.orchwiz.api.permission.event.PermissionRuleAdded;
import dev.orchwiz.api.permission.event.PermissionRuleRemoved;
import dev.orchwiz.command.ownership.Owned;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One stored rule. It decides who may write it: global rules are the admins' (they bind every user), the others
 * belong to the user who wrote them and only ever apply to that user's calls.
 */
@Aggregate
class PermissionRule {

    @AggregateIdentifier
    private PermissionRuleId ruleId;

    private UserId ownerId;
    private RuleScope scope;

    PermissionRule() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    PermissionRule(AddPermissionRule command) {
        RuleSpec spec = RuleSpec.parse(command.rule());
        assertMayWrite(command.actor(), command.scope());
        assertTargetMatchesScope(command);
        if (command.outcome() == null) {
            throw new PermissionRefusal(PermissionError.RULE_INVALID, "outcome must be allow, ask or deny");
        }
        UserId owner = command.actor().id();
        apply(
                new PermissionRuleAdded(
                        command.ruleId(),
                        owner,
                        spec.text(),
                        command.outcome(),
                        command.scope(),
                        command.scope() == RuleScope.SUBAGENT ? command.subagentId() : null,
                        command.scope() == RuleScope.SESSION ? command.sessionId() : null,
                        owner),
                Owned.by(owner));
    }

    @CommandHandler
    void handle(RemovePermissionRule command) {
        if (!command.actor().mayAccess(ownerId)
                || (scope == RuleScope.GLOBAL && !command.actor().admin())) {
            throw new PermissionRefusal(PermissionError.RULE_NOT_FOUND, "No permission rule " + ruleId);
        }
        apply(new PermissionRuleRemoved(ruleId, command.actor().id()), Owned.by(ownerId));
    }

    // --- guards ---

    private static void assertMayWrite(Actor actor, RuleScope scope) {
        if (scope == null) {
            throw new PermissionRefusal(
                    PermissionError.RULE_INVALID, "scope must be global, user, subagent or session");
        }
        if (scope == RuleScope.GLOBAL && !actor.admin()) {
            throw new PermissionRefusal(
                    PermissionError.GLOBAL_ADMIN_ONLY, "Global rules bind every user; only admins write them");
        }
    }

    private static void assertTargetMatchesScope(AddPermissionRule command) {
        if (command.scope() == RuleScope.SUBAGENT && command.subagentId() == null) {
            throw new PermissionRefusal(PermissionError.TARGET_REQUIRED, "A subagent rule needs subagentId");
        }
        if (command.scope() == RuleScope.SESSION && command.sessionId() == null) {
            throw new PermissionRefusal(PermissionError.TARGET_REQUIRED, "A session rule needs sessionId");
        }
    }

    // --- state ---

    @EventSourcingHandler
    void on(PermissionRuleAdded event) {
        ruleId = event.ruleId();
        ownerId = event.ownerId();
        scope = event.scope();
    }

    @EventSourcingHandler
    void on(PermissionRuleRemoved event) {
        markDeleted();
    }
}
