package dev.orchwiz.command.permission;

import dev.orchwiz.api.id.PermissionRuleId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.PermissionError;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.permission.command.AddPermissionRule;
import dev.orchwiz.api.permission.query.ListPermissionRules;
import dev.orchwiz.api.permission.query.PermissionRulePage;
import dev.orchwiz.api.permission.query.PermissionRuleView;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.toolcall.PermissionOutcome;
import dev.orchwiz.command.claudecode.ClaudeCodeFileInvalid;
import dev.orchwiz.command.claudecode.SettingsFile;
import dev.orchwiz.command.toolcall.ToolCallRequests;
import dev.orchwiz.command.web.CommandSender;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The {@code permissions.allow/ask/deny} arrays of a Claude Code {@code settings.json}, in and out. */
@RestController
class PermissionSettingsController {

    static final int RULES_PER_IMPORT = 500;

    private final CommandSender commands;
    private final QueryGateway queries;
    private final ToolCallRequests references;

    PermissionSettingsController(CommandSender commands, QueryGateway queries, ToolCallRequests references) {
        this.commands = commands;
        this.queries = queries;
        this.references = references;
    }

    record Import(JsonNode settings, RuleScope scope, String subagentId, String sessionId) {}

    record Skipped(String rule, String reason) {}

    record ImportResult(int added, List<Skipped> skipped) {}

    @PostMapping("/api/permissions/import")
    ImportResult importSettings(Actor actor, @RequestBody Import body) {
        if (body == null || body.settings() == null || !body.settings().isObject()) {
            throw new PermissionRefusal(PermissionError.RULE_INVALID, "settings must be a settings.json object");
        }
        RuleScope scope = body.scope() == null ? RuleScope.USER : body.scope();
        SubagentId subagent = subagent(body.subagentId());
        SessionId session = session(body.sessionId());
        // Checked once, before any rule is written: a foreign or unknown id answers 404 and imports nothing.
        references.assertMayUse(actor, session, subagent);
        SettingsFile.Permissions permissions;
        try {
            permissions = SettingsFile.permissions(body.settings());
        } catch (ClaudeCodeFileInvalid invalid) {
            throw new PermissionRefusal(PermissionError.RULE_INVALID, invalid.getMessage());
        }
        int total = permissions.allow().size()
                + permissions.ask().size()
                + permissions.deny().size();
        if (total > RULES_PER_IMPORT) {
            throw new PermissionRefusal(
                    PermissionError.RULE_INVALID, "at most " + RULES_PER_IMPORT + " rules per import");
        }
        Set<String> existing = new HashSet<>();
        for (PermissionRuleView rule : rules(actor, scope, body.subagentId(), body.sessionId())) {
            existing.add(rule.outcome().wireName() + " " + rule.rule());
        }
        int added = 0;
        List<Skipped> skipped = new ArrayList<>();
        for (PermissionOutcome outcome : PermissionOutcome.values()) {
            List<String> texts =
                    switch (outcome) {
                        case ALLOW -> permissions.allow();
                        case ASK -> permissions.ask();
                        case DENY -> permissions.deny();
                    };
            for (String text : texts) {
                try {
                    String canonical = RuleSpec.parse(text).text();
                    if (!existing.add(outcome.wireName() + " " + canonical)) {
                        skipped.add(new Skipped(text, "already there"));
                        continue;
                    }
                    PermissionRuleId id = PermissionRuleId.random();
                    commands.<Object>send(
                            new AddPermissionRule(id, actor, text, outcome, scope, subagent, session),
                            () -> new PermissionRefusal(PermissionError.RULE_NOT_FOUND, "No rule " + id));
                    added++;
                } catch (RuleViolation refused) {
                    skipped.add(new Skipped(text, refused.getMessage()));
                }
            }
        }
        return new ImportResult(added, skipped);
    }

    @GetMapping("/api/permissions/export")
    JsonNode export(
            Actor actor,
            @RequestParam(defaultValue = "user") RuleScope scope,
            @RequestParam(required = false) String subagentId,
            @RequestParam(required = false) String sessionId) {
        List<String> allow = new ArrayList<>();
        List<String> ask = new ArrayList<>();
        List<String> deny = new ArrayList<>();
        for (PermissionRuleView rule : rules(actor, scope, subagentId, sessionId)) {
            switch (rule.outcome()) {
                case ALLOW -> allow.add(rule.rule());
                case ASK -> ask.add(rule.rule());
                case DENY -> deny.add(rule.rule());
            }
        }
        return SettingsFile.withPermissions(null, new SettingsFile.Permissions(allow, ask, deny));
    }

    private List<PermissionRuleView> rules(Actor actor, RuleScope scope, String subagentId, String sessionId) {
        List<PermissionRuleView> rules = new ArrayList<>();
        int page = 0;
        PermissionRulePage found;
        do {
            found = queries.query(
                            new ListPermissionRules(
                                    actor, scope, null, subagent(subagentId), session(sessionId), page++, 100),
                            ResponseTypes.instanceOf(PermissionRulePage.class))
                    .join();
            found.items().stream()
                    .filter(rule -> rule.scope() == RuleScope.GLOBAL
                            || rule.ownerId().equals(actor.id().value()))
                    .forEach(rules::add);
        } while (page < found.totalPages());
        return rules;
    }

    private static SubagentId subagent(String value) {
        return value == null || value.isBlank()
                ? null
                : SubagentId.parse(value)
                        .orElseThrow(() ->
                                new PermissionRefusal(PermissionError.TARGET_REQUIRED, "subagentId is not an id"));
    }

    private static SessionId session(String value) {
        return value == null || value.isBlank()
                ? null
                : SessionId.parse(value)
                        .orElseThrow(
                                () -> new PermissionRefusal(PermissionError.TARGET_REQUIRED, "sessionId is not an id"));
    }
}
