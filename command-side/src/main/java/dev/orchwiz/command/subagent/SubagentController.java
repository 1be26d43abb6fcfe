package dev.orchwiz.command.subagent;

import dev.orchwiz.api.ExpectedVersion;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.permission.PolicyAssignment;
import dev.orchwiz.api.subagent.SubagentDefinition;
import dev.orchwiz.api.subagent.SubagentError;
import dev.orchwiz.api.subagent.command.AssignSubagentPolicies;
import dev.orchwiz.api.subagent.command.CreateSubagent;
import dev.orchwiz.api.subagent.command.DeleteSubagent;
import dev.orchwiz.api.subagent.command.ReviseSubagent;
import dev.orchwiz.api.subagent.command.SubagentChanged;
import dev.orchwiz.api.subagent.query.FindSubagent;
import dev.orchwiz.api.subagent.query.SubagentView;
import dev.orchwiz.api.text.SingleLine;
import dev.orchwiz.command.claudecode.AgentFile;
import dev.orchwiz.command.claudecode.FileImport;
import dev.orchwiz.command.claudecode.FileImport.ImportFile;
import dev.orchwiz.command.claudecode.FileImport.ImportResult;
import dev.orchwiz.command.claudecode.Frontmatter;
import dev.orchwiz.command.web.CommandSender;
import dev.orchwiz.command.web.IfMatch;
import dev.orchwiz.command.web.MarkdownAttachment;
import dev.orchwiz.command.web.Written;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Subagent writes, policy assignments, and Claude Code agent files in and out. */
@RestController
class SubagentController {

    static final int FILES_PER_IMPORT = 100;

    private static final FileImport AGENT_FILES = new FileImport(
            "agent files",
            "agent.md",
            FILES_PER_IMPORT,
            detail -> new SubagentRefusal(SubagentError.INVALID_INPUT, detail));

    private final CommandSender commands;
    private final QueryGateway queries;

    SubagentController(CommandSender commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record SubagentInput(
            @SingleLine String name,
            String description,
            String prompt,
            @SingleLine List<String> tools,
            @SingleLine String model,
            Map<String, Object> settings,
            Boolean shared) {}

    record Policies(List<PolicyAssignment> assignments) {}

    record Import(List<ImportFile> files) {}

    @PostMapping("/api/subagents")
    ResponseEntity<Written> create(Actor actor, @RequestBody SubagentInput body) {
        SubagentId id = SubagentId.random();
        SubagentDefinition definition = new SubagentDefinition(
                body.name(),
                body.description(),
                body.prompt(),
                body.tools(),
                body.model(),
                body.settings(),
                Boolean.TRUE.equals(body.shared()),
                Map.of());
        SubagentChanged changed =
                commands.send(new CreateSubagent(id, actor, definition), () -> missing(id.toString()));
        return IfMatch.created("/api/subagents/" + id, Written.of(id, changed.version()));
    }

    @PatchMapping("/api/subagents/{id}")
    ResponseEntity<Written> revise(
            Actor actor, @PathVariable String id, @ExpectedVersion Long expected, @RequestBody SubagentInput body) {
        SubagentId subagentId = subagentId(id);
        SubagentView current = find(actor, subagentId);
        SubagentDefinition definition = new SubagentDefinition(
                body.name() == null ? current.name() : body.name(),
                body.description() == null ? current.description() : body.description(),
                body.prompt() == null ? current.prompt() : body.prompt(),
                body.tools() == null ? current.tools() : body.tools(),
                body.model() == null ? current.model() : body.model(),
                body.settings() == null ? current.settings() : body.settings(),
                body.shared() == null ? current.shared() : body.shared(),
                current.frontmatter());
        SubagentChanged changed =
                commands.send(new ReviseSubagent(subagentId, actor, expected, definition), () -> missing(id));
        return IfMatch.revised(Written.of(subagentId, changed.version()));
    }

    @DeleteMapping("/api/subagents/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String id) {
        commands.<Object>send(new DeleteSubagent(subagentId(id), actor), () -> missing(id));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/subagents/{id}/policies")
    Written assign(Actor actor, @PathVariable String id, @RequestBody Policies body) {
        SubagentChanged changed = commands.send(
                new AssignSubagentPolicies(subagentId(id), actor, body == null ? List.of() : body.assignments()),
                () -> missing(id));
        return Written.of(changed.subagentId(), changed.version());
    }

    @PostMapping("/api/subagents/import")
    ImportResult importFiles(Actor actor, @RequestBody Import body) {
        return AGENT_FILES.run(body == null ? null : body.files(), (path, content) -> {
            AgentFile parsed = AgentFile.parse(path, content);
            SubagentDefinition definition = new SubagentDefinition(
                    parsed.name(),
                    parsed.description(),
                    parsed.prompt(),
                    parsed.tools(),
                    parsed.model(),
                    Map.of(),
                    false,
                    parsed.frontmatter().storedEntries());
            SubagentId id = SubagentId.random();
            commands.send(new CreateSubagent(id, actor, definition), () -> missing(id.toString()));
            return new FileImport.Written(id.toString(), parsed.name());
        });
    }

    @GetMapping("/api/subagents/{id}/export")
    ResponseEntity<byte[]> export(Actor actor, @PathVariable String id) {
        SubagentView agent = find(actor, subagentId(id));
        Frontmatter frontmatter = Frontmatter.ofStored(agent.frontmatter());
        // No tools listed means every tool; a file that had no tools key gets none, not "tools: []" (no tool at all).
        List<String> tools = agent.tools() == null || (agent.tools().isEmpty() && !frontmatter.has(AgentFile.TOOLS))
                ? null
                : agent.tools();
        String text = new AgentFile(
                        agent.name(), agent.description(), tools, agent.model(), agent.prompt(), frontmatter)
                .render();
        return MarkdownAttachment.of(agent.name() + ".md", text);
    }

    private SubagentView find(Actor actor, SubagentId id) {
        return queries.query(new FindSubagent(actor, id), ResponseTypes.optionalInstanceOf(SubagentView.class))
                .join()
                .orElseThrow(() -> missing(id.toString()));
    }

    private static SubagentId subagentId(String id) {
        return SubagentId.parse(id).orElseThrow(() -> missing(id));
    }

    private static SubagentRefusal missing(String id) {
        return new SubagentRefusal(SubagentError.NOT_FOUND, "No subagent " + id);
    }
}
