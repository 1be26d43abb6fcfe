package dev.orchwiz.command.run;

import dev.orchwiz.api.id.RunId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.run.RunError;
import dev.orchwiz.api.run.command.CancelRun;
import dev.orchwiz.api.run.command.RunChanged;
import dev.orchwiz.command.web.CommandSender;
import dev.orchwiz.command.web.IfMatch;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Stops a run on request; the model call in progress is abandoned and pending tool calls are cancelled. */
@RestController
@RequestMapping("/api/runs")
class RunCommandController {

    private final CommandSender commands;

    RunCommandController(CommandSender commands) {
        this.commands = commands;
    }

    /** The run, its state and version after the change. */
    record Changed(String id, String state, long version) {}

    @PostMapping("/{id}/cancel")
    ResponseEntity<Changed> cancel(Actor actor, @PathVariable String id) {
        RunId runId = RunId.parse(id).orElseThrow(() -> notFound(id));
        RunChanged changed = commands.send(new CancelRun(runId, actor), () -> notFound(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .eTag(IfMatch.etag(changed.version()))
                .body(new Changed(id, changed.state().wireName(), changed.version()));
    }

    private static RunRefusal notFound(String id) {
        return new RunRefusal(RunError.NOT_FOUND, "No run " + id);
    }
}
