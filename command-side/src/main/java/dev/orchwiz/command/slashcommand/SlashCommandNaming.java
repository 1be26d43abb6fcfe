package dev.orchwiz.command.slashcommand;

import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.slashcommand.SlashCommandError;
import dev.orchwiz.api.slashcommand.command.DefineSlashCommand;
import dev.orchwiz.api.slashcommand.command.DeleteSlashCommand;
import dev.orchwiz.api.slashcommand.command.ReviseSlashCommand;
import dev.orchwiz.api.slashcommand.command.SlashCommandChanged;
import dev.orchwiz.command.ownership.NameClaims;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps command names unique per owner. The claim is a row written in the command's own transaction, so two
 * concurrent definitions of one name cannot both commit, and a refused command leaves no event behind.
 */
@Component
class SlashCommandNaming {

    private final Repository<SlashCommand> commands;
    private final NameClaims names;

    SlashCommandNaming(Repository<SlashCommand> commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.names = new NameClaims(jdbc, "slash_command_name", "command_id");
    }

    @CommandHandler
    SlashCommandChanged handle(DefineSlashCommand command) throws Exception {
        String name = SlashCommandRules.normalised(command.definition()).name();
        claimName(command.actor().id(), name, command.commandId());
        Aggregate<SlashCommand> created = commands.newInstance(() -> new SlashCommand(command));
        return created.invoke(SlashCommand::changed);
    }

    @CommandHandler
    SlashCommandChanged handle(ReviseSlashCommand command) {
        Aggregate<SlashCommand> aggregate = commands.load(command.commandId().toString());
        String oldName = aggregate.invoke(SlashCommand::name);
        UserId owner = aggregate.invoke(SlashCommand::ownerId);
        SlashCommandChanged changed = aggregate.invoke(existing -> existing.handle(command));
        String newName = SlashCommandRules.normalised(command.definition()).name();
        if (!newName.equals(oldName)) {
            // Released first: the id column of the claims is unique, so claiming the new name while the old claim
            // stands would always conflict. A refused claim rolls the release back with the command's transaction.
            names.release(owner, oldName, command.commandId().value());
            claimName(owner, newName, command.commandId());
        }
        return changed;
    }

    @CommandHandler
    void handle(DeleteSlashCommand command) {
        Aggregate<SlashCommand> aggregate = commands.load(command.commandId().toString());
        String name = aggregate.invoke(SlashCommand::name);
        UserId owner = aggregate.invoke(SlashCommand::ownerId);
        aggregate.execute(existing -> existing.handle(command));
        names.release(owner, name);
    }

    private void claimName(UserId owner, String name, SlashCommandId commandId) {
        if (!names.claim(owner, name, commandId.value())) {
            throw new SlashCommandRefusal(SlashCommandError.NAME_TAKEN, "You already have a command named " + name);
        }
    }
}
