package dev.orchwiz.command.slashcommand;

import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.slashcommand.SlashCommandError;

/** A slash command request refused by a named rule. */
class SlashCommandRefusal extends RuleViolation {

    SlashCommandRefusal(SlashCommandError error, String detail) {
        super(error, detail);
    }
}
