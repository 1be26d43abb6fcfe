package dev.orchwiz.command.subagent;

import dev.orchwiz.api.subagent.SubagentError;
import dev.orchwiz.api.subagent.command.CreateSubagent;
import dev.orchwiz.api.subagent.command.DeleteSubagent;
import dev.orchwiz.api.subagent.command.ReviseSubagent;
import dev.orchwiz.api.subagent.command.SubagentChanged;
import dev.orchwiz.command.ownership.UniqueNames;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps subagent names unique per owner ({@link UniqueNames}). */
@Component
class SubagentNaming {

    private final UniqueNames<Subagent> names;

    SubagentNaming(Repository<Subagent> subagents, JdbcTemplate jdbc) {
        this.names = new UniqueNames<>(
                subagents,
                jdbc,
                "subagent_name",
                "subagent_id",
                Subagent::name,
                Subagent::ownerId,
                name -> new SubagentRefusal(SubagentError.NAME_TAKEN, "You already have a subagent named " + name));
    }

    @CommandHandler
    SubagentChanged handle(CreateSubagent command) throws Exception {
        return names.create(
                command.actor().id(),
                SubagentRules.normalised(command.definition()).name(),
                command.subagentId().value(),
                () -> new Subagent(command),
                Subagent::changed);
    }

    @CommandHandler
    SubagentChanged handle(ReviseSubagent command) {
        return names.revise(
                command.subagentId().value(),
                SubagentRules.normalised(command.definition()).name(),
                existing -> existing.handle(command));
    }

    @CommandHandler
    void handle(DeleteSubagent command) {
        names.delete(command.subagentId().value(), existing -> existing.handle(command));
    }
}
