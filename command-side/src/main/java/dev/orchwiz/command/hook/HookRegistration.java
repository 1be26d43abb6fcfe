package dev.orchwiz.command.hook;

import dev.orchwiz.api.hook.HookType;
import dev.orchwiz.api.hook.command.HookChanged;
import dev.orchwiz.api.hook.command.RegisterHook;
import dev.orchwiz.api.hook.command.RemoveHook;
import dev.orchwiz.api.hook.command.ReviseHook;
import dev.orchwiz.api.hook.command.RotateHookSecret;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Handles hook commands where a secret is involved: the secret is written in the command's own transaction, so a
 * hook never exists without its secret, and the plaintext goes back to the caller once instead of into an event.
 */
@Component
class HookRegistration {

    private final Repository<Hook> hooks;
    private final HookSecrets secrets;

    HookRegistration(Repository<Hook> hooks, HookSecrets secrets) {
        this.hooks = hooks;
        this.secrets = secrets;
    }

    /** A write's answer; {@code secret} only when a webhook secret was just issued. */
    record Written(HookChanged changed, String secret) {}

    @CommandHandler
    Written handle(RegisterHook command) throws Exception {
        Aggregate<Hook> created = hooks.newInstance(() -> new Hook(command));
        HookChanged changed = created.invoke(Hook::changed);
        boolean webhook = created.invoke(Hook::type) == HookType.WEBHOOK;
        return new Written(changed, webhook ? secrets.issue(command.hookId()) : null);
    }

    @CommandHandler
    Written handle(ReviseHook command) {
        Aggregate<Hook> hook = hooks.load(command.hookId().toString());
        boolean wasWebhook = hook.invoke(Hook::type) == HookType.WEBHOOK;
        HookChanged changed = hook.invoke(existing -> existing.handle(command));
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
        hook.execute(existing -> existing.handle(command));
        secrets.forget(command.hookId());
    }
}
