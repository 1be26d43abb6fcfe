package dev.orchwiz.query.slashcommand;

import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.slashcommand.SlashCommandError;
import dev.orchwiz.api.slashcommand.query.FindSlashCommand;
import dev.orchwiz.api.slashcommand.query.ListSlashCommands;
import dev.orchwiz.api.slashcommand.query.SlashCommandPage;
import dev.orchwiz.api.slashcommand.query.SlashCommandView;
import dev.orchwiz.query.PathId;
import dev.orchwiz.query.Reads;
import dev.orchwiz.web.PageParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Slash commands the caller may see; {@code /api/commands} is the seed's path and stays beside the context's. */
@RestController
@RequestMapping({"/api/slash-commands", "/api/commands"})
class SlashCommandQueryController {

    private static final PathId<SlashCommandId> SLASH_COMMAND =
            new PathId<>(SlashCommandId::parse, SlashCommandError.NOT_FOUND, "No slash command ");

    private final Reads reads;

    SlashCommandQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping
    SlashCommandPage list(
            Actor actor,
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(required = false) Boolean shared,
            @RequestParam(required = false) Boolean mine,
            PageParameters paging) {
        Reads.assertSearchText(text);
        return reads.ask(
                new ListSlashCommands(actor, text, shared, mine, paging.page(), paging.size()), SlashCommandPage.class);
    }

    @GetMapping("/{id}")
    SlashCommandView find(Actor actor, @PathVariable String id) {
        return reads.findByPath(
                id, SLASH_COMMAND, commandId -> new FindSlashCommand(actor, commandId), SlashCommandView.class);
    }
}
