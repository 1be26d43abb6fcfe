package dev.orchwiz.command.slashcommand;

import dev.orchwiz.api.slashcommand.SlashCommandError;
import dev.orchwiz.api.slashcommand.command.DefineSlashCommand;
import dev.orchwiz.api.slashcommand.command.DeleteSlashCommand;
import dev.orchwiz.api.slashcommand.command.ReviseSlashCommand;
import dev.orchwiz.api.slashcommand.command.SlashCommandChanged;
import dev.orchwiz.command.ownership.UniqueNames;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps command names unique per owner ({@link UniqueNames}). */
@Component
class SlashCommandNaming {

    private final UniqueNames<SlashCommand> names;

    SlashCommandNaming(Repository<SlashCommand> commands, JdbcTemplate jdbc) {
        this.names = new UniqueNames<>(
                commands,
                jdbc,
                "slash_command_name",
                "command_id",
                SlashCommand::name,
                SlashCommand::ownerId,
                name -> new SlashCommandRefusal(
                        SlashCommandError.NAME_TAKEN, "You already have a command named " + name));
    }

    @CommandHandler
    SlashCommandChanged handle(DefineSlashCommand command) throws Exception {
        return names.create(
                command.actor().id(),
                SlashCommandRules.normalised(command.definition()).name(),
                command.commandId().value(),
                () -> new SlashCommand(command),
                SlashCommand::changed);
    }

    @CommandHandler
    SlashCommandChanged handle(ReviseSlashCommand command) {
        return names.revise(
                command.commandId().value(),
                SlashCommandRules.normalised(command.definition()).name(),
                existing -> existing.handle(command));
    }

    @CommandHandler
    void handle(DeleteSlashCommand command) {
        names.delete(command.commandId().value(), existing -> existing.handle(command));
    }
}
