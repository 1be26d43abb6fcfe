package dev.orchwiz.command.subagent;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.subagent.SubagentError;
import dev.orchwiz.api.subagent.command.CreateSubagent;
import dev.orchwiz.api.subagent.command.DeleteSubagent;
import dev.orchwiz.api.subagent.command.ReviseSubagent;
import dev.orchwiz.api.subagent.command.SubagentChanged;
import dev.orchwiz.command.ownership.NameClaims;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps subagent names unique per owner with a claim written in the command's own transaction. */
@Component
class SubagentNaming {

    private final Repository<Subagent> subagents;
    private final NameClaims names;

    SubagentNaming(Repository<Subagent> subagents, JdbcTemplate jdbc) {
        this.subagents = subagents;
        this.names = new NameClaims(jdbc, "subagent_name", "subagent_id");
    }

    @CommandHandler
    SubagentChanged handle(CreateSubagent command) throws Exception {
        claimName(
                command.actor().id(),
                SubagentRules.normalised(command.definition()).name(),
                command.subagentId());
        Aggregate<Subagent> created = subagents.newInstance(() -> new Subagent(command));
        return created.invoke(Subagent::changed);
    }

    @CommandHandler
    SubagentChanged handle(ReviseSubagent command) {
        Aggregate<Subagent> aggregate = subagents.load(command.subagentId().toString());
        String oldName = aggregate.invoke(Subagent::name);
        UserId owner = aggregate.invoke(Subagent::ownerId);
        SubagentChanged changed = aggregate.invoke(existing -> existing.handle(command));
        String newName = SubagentRules.normalised(command.definition()).name();
        if (!newName.equals(oldName)) {
            // Released first: the id column of the claims is unique, so claiming the new name while the old claim
            // stands would always conflict. A refused claim rolls the release back with the command's transaction.
            names.release(owner, oldName, command.subagentId().value());
            claimName(owner, newName, command.subagentId());
        }
        return changed;
    }

    @CommandHandler
    void handle(DeleteSubagent command) {
        Aggregate<Subagent> aggregate = subagents.load(command.subagentId().toString());
        String name = aggregate.invoke(Subagent::name);
        UserId owner = aggregate.invoke(Subagent::ownerId);
        aggregate.execute(existing -> existing.handle(command));
        names.release(owner, name);
    }

    private void claimName(UserId owner, String name, SubagentId id) {
        if (!names.claim(owner, name, id.value())) {
            throw new SubagentRefusal(SubagentError.NAME_TAKEN, "You already have a subagent named " + name);
        }
    }
}
