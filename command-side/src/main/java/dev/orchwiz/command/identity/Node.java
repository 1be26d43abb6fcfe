package dev.orchwiz.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.Emails;
import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.identity.SignupPolicy;
import dev.orchwiz.api.identity.command.ChangeSignupPolicy;
import dev.orchwiz.api.identity.command.ClaimAdmin;
import dev.orchwiz.api.identity.command.CompleteSetup;
import dev.orchwiz.api.identity.command.InviteUser;
import dev.orchwiz.api.identity.command.WithdrawInvitation;
import dev.orchwiz.api.identity.event.AdminClaimed;
import dev.orchwiz.api.identity.event.InvitationWithdrawn;
import dev.orchwiz.api.identity.event.SetupCompleted;
import dev.orchwiz.api.identity.event.SignupPolicyChanged;
import dev.orchwiz.api.identity.event.UserInvited;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** The node's own rules: who may sign up, who is invited, and whether its first admin exists. */
@Aggregate
class Node {

    @AggregateIdentifier
    private String nodeId;

    private SignupPolicy policy = SignupPolicy.INVITE;
    private final Set<String> invited = new HashSet<>();
    private boolean setupComplete;

    Node() {
        // for Axon, and created on the first command to this node
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeSignupPolicy command) {
        assertAdmin(command.actor());
        boolean fresh = nodeId == null;
        if (fresh || command.policy() != policy) {
            apply(new SignupPolicyChanged(
                    command.nodeId(), command.policy(), command.actor().id()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(InviteUser command) {
        assertAdmin(command.actor());
        String email = plausibleEmail(command.email());
        if (!invited.contains(email)) {
            apply(new UserInvited(command.nodeId(), email, command.actor().id()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(WithdrawInvitation command) {
        assertAdmin(command.actor());
        String email = Emails.normalize(command.email());
        if (!invited.contains(email)) {
            throw new IdentityRefusal(IdentityError.USER_NOT_FOUND, "No invitation for " + email);
        }
        apply(new InvitationWithdrawn(nodeId, email, command.actor().id()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ClaimAdmin command) {
        if (setupComplete) {
            throw new IdentityRefusal(IdentityError.SETUP_COMPLETE, "This node already has an admin");
        }
        apply(new AdminClaimed(command.nodeId(), plausibleEmail(command.email())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CompleteSetup command) {
        if (!setupComplete) {
            apply(new SetupCompleted(command.nodeId(), command.admin(), Emails.normalize(command.email())));
        }
    }

    private static void assertAdmin(Actor actor) {
        if (!actor.admin()) {
            throw new IdentityRefusal(IdentityError.USER_NOT_FOUND, "Only admins manage the node");
        }
    }

    private static String plausibleEmail(String raw) {
        String email = Emails.normalize(raw);
        if (!Emails.plausible(email)) {
            throw new IdentityRefusal(IdentityError.INVALID_INPUT, "'" + raw + "' is not an email address");
        }
        return email;
    }

    @EventSourcingHandler
    void on(SignupPolicyChanged event) {
        nodeId = event.nodeId();
        policy = event.policy();
    }

    @EventSourcingHandler
    void on(UserInvited event) {
        nodeId = event.nodeId();
        invited.add(event.email());
    }

    @EventSourcingHandler
    void on(InvitationWithdrawn event) {
        invited.remove(event.email());
    }

    @EventSourcingHandler
    void on(AdminClaimed event) {
        nodeId = event.nodeId();
    }

    @EventSourcingHandler
    void on(SetupCompleted event) {
        nodeId = event.nodeId();
        setupComplete = true;
    }
}
