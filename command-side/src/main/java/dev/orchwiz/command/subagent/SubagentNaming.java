package dev.orchwiz.command.subagent;

import dev.orchwiz.api.identity.UserId;
import dev.orchwiz.api.subagent.SubagentError;
import dev.orchwiz.api.subagent.SubagentId;
import dev.orchwiz.api.subagent.command.CreateSubagent;
import dev.orchwiz.api.subagent.command.DeleteSubagent;
import dev.orchwiz.api.subagent.command.ReviseSubagent;
import dev.orchwiz.api.subagent.command.SubagentChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps subagent names unique per owner with a claim written in the command's own transaction. */
@Component
class SubagentNaming {

    private final Repository<Subagent> subagents;
    private final JdbcTemplate jdbc;

    SubagentNaming(Repository<Subagent> subagents, JdbcTemplate jdbc) {
        this.subagents = subagents;
        this.jdbc = jdbc;
    }

    @CommandHandler
    SubagentChanged handle(CreateSubagent command) throws Exception {
        claim(
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
            claim(owner, newName, command.subagentId());
            release(owner, oldName);
        }
        return changed;
    }

    @CommandHandler
    void handle(DeleteSubagent command) {
        Aggregate<Subagent> aggregate = subagents.load(command.subagentId().toString());
        String name = aggregate.invoke(Subagent::name);
        UserId owner = aggregate.invoke(Subagent::ownerId);
        aggregate.execute(existing -> existing.handle(command));
        release(owner, name);
    }

    private void claim(UserId owner, String name, SubagentId id) {
        int claimed = jdbc.update(
                "insert into subagent_name (owner_id, name, subagent_id) values (?, ?, ?) on conflict do nothing",
                owner.value(),
                name,
                id.value());
        if (claimed == 0) {
            throw new SubagentRefusal(SubagentError.NAME_TAKEN, "You already have a subagent named " + name);
        }
    }

    private void release(UserId owner, String name) {
        jdbc.update("delete from subagent_name where owner_id = ? and name = ?", owner.value(), name);
    }
}
