package dev.orchwiz.command.hook;

import dev.orchwiz.api.hook.HookError;
import dev.orchwiz.api.hook.HookType;
import dev.orchwiz.api.hook.command.HookChanged;
import dev.orchwiz.api.hook.command.RegisterHook;
import dev.orchwiz.api.hook.command.RemoveHook;
import dev.orchwiz.api.hook.command.ReviseHook;
import dev.orchwiz.api.hook.command.RotateHookSecret;
import dev.orchwiz.api.id.HookId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.command.ownership.NameClaims;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Handles hook commands where something outside the aggregate is written with it, in the command's own transaction:
 * the secret, so a hook never exists without it and the plaintext goes back to the caller once instead of into an
 * event; and the name's claim, so names are unique per owner and two concurrent registrations of one name cannot
 * both commit.
 */
@Component
class HookRegistration {

    private final Repository<Hook> hooks;
    private final HookSecrets secrets;
    private final NameClaims names;

    HookRegistration(Repository<Hook> hooks, HookSecrets secrets, JdbcTemplate jdbc) {
        this.hooks = hooks;
        this.secrets = secrets;
        this.names = new NameClaims(jdbc, "hook_name", "hook_id");
    }

    /** A write's answer; {@code secret} only when a webhook secret was just issued. */
    record Written(HookChanged changed, String secret) {}

    @CommandHandler
    Written handle(RegisterHook command) throws Exception {
        String name = HookRules.normalised(command.definition()).name();
        claimName(command.actor().id(), name, command.hookId());
        Aggregate<Hook> created = hooks.newInstance(() -> new Hook(command));
        HookChanged changed = created.invoke(Hook::changed);
        boolean webhook = created.invoke(Hook::type) == HookType.WEBHOOK;
        return new Written(changed, webhook ? secrets.issue(command.hookId()) : null);
    }

    @CommandHandler
    Written handle(ReviseHook command) {
        Aggregate<Hook> hook = hooks.load(command.hookId().toString());
        boolean wasWebhook = hook.invoke(Hook::type) == HookType.WEBHOOK;
        String oldName = hook.invoke(Hook::name);
        UserId owner = hook.invoke(Hook::ownerId);
        HookChanged changed = hook.invoke(existing -> existing.handle(command));
        String newName = hook.invoke(Hook::name);
        if (!newName.equals(oldName)) {
            // Released first: a hook holds one claim row (hook_id is unique there). A refused claim rolls the release
            // back with the rest of the command's transaction.
            names.release(owner, oldName, command.hookId().value());
            claimName(owner, newName, command.hookId());
        }
        boolean isWebhook = hook.invoke(Hook::type) == HookType.WEBHOOK;
        // A command hook turned into a webhook needs a secret to sign with.
        String secret = isWebhook && !wasWebhook ? secrets.issue(command.hookId()) : null;
        return new Written(changed, secret);
    }

    @CommandHandler
    Written handle(RotateHookSecret command) {
        Aggregate<Hook> hook = hooks.load(command.hookId().toString());
        HookChanged changed = hook.invoke(existing -> existing.handle(command));
        return new Written(changed, secrets.issue(command.hookId()));
    }

    @CommandHandler
    void handle(RemoveHook command) {
        Aggregate<Hook> hook = hooks.load(command.hookId().toString());
        String name = hook.invoke(Hook::name);
        UserId owner = hook.invoke(Hook::ownerId);
        hook.execute(existing -> existing.handle(command));
        secrets.forget(command.hookId());
        names.release(owner, name, command.hookId().value());
    }

    private void claimName(UserId owner, String name, HookId hookId) {
        if (!names.claim(owner, name, hookId.value())) {
            throw new HookRefusal(HookError.NAME_TAKEN, "You already have a hook named " + name);
        }
    }
}
