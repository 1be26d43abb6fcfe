package dev.orchwiz.query.subagent;

import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.subagent.SubagentError;
import dev.orchwiz.api.subagent.query.FindSubagent;
import dev.orchwiz.api.subagent.query.ListSubagents;
import dev.orchwiz.api.subagent.query.SubagentPage;
import dev.orchwiz.api.subagent.query.SubagentView;
import dev.orchwiz.query.PathId;
import dev.orchwiz.query.Reads;
import dev.orchwiz.web.PageParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The subagents the caller may see: their own and shared ones. */
@RestController
@RequestMapping("/api/subagents")
class SubagentQueryController {

    private static final PathId<SubagentId> SUBAGENT =
            new PathId<>(SubagentId::parse, SubagentError.NOT_FOUND, "No subagent ");

    private final Reads reads;

    SubagentQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping
    SubagentPage list(Actor actor, @RequestParam(name = "q", required = false) String text, PageParameters paging) {
        Reads.assertSearchText(text);
        return reads.ask(new ListSubagents(actor, text, paging.page(), paging.size()), SubagentPage.class);
    }

    @GetMapping("/{id}")
    SubagentView find(Actor actor, @PathVariable String id) {
        return reads.findByPath(id, SUBAGENT, subagentId -> new FindSubagent(actor, subagentId), SubagentView.class);
    }
}
