package dev.orchwiz.command.execution;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.toolcall.ToolCallError;
import dev.orchwiz.api.toolcall.command.ReportToolCallResult;
import dev.orchwiz.api.toolcall.command.ToolCallChanged;
import dev.orchwiz.api.toolcall.query.ToolCallView;
import dev.orchwiz.command.execution.sandbox.Utf8;
import dev.orchwiz.command.redaction.OutputRedaction;
import dev.orchwiz.command.toolcall.ToolCallReads;
import dev.orchwiz.command.web.CommandSender;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a runtime reports how an approved call of one of its own tools went (the node runs only shell calls itself).
 * The output is redacted like a local run's and capped at the same size, stdout first, so a runtime can put neither
 * secrets nor unbounded text into the event store.
 */
@RestController
class RuntimeResultController {

    private final CommandSender commands;
    private final ToolCallReads reads;
    private final long outputCapBytes;
    private final OutputRedaction redaction;

    RuntimeResultController(
            CommandSender commands, ToolCallReads reads, ExecutionProperties execution, OutputRedaction redaction) {
        this.redaction = redaction;
        this.commands = commands;
        this.reads = reads;
        this.outputCapBytes = execution.outputCap().toBytes();
    }

    record Result(String outcome, Integer exitCode, Long durationMs, String stdout, String stderr, String error) {}

    @PostMapping("/api/tool-calls/{id}/result")
    ResponseEntity<ToolCallView> report(Actor actor, @PathVariable String id, @RequestBody Result body) {
        ToolCallId callId = ToolCallId.parse(id).orElseThrow(() -> missing(id));
        if (body.outcome() == null) {
            throw refusal(ToolCallError.INVALID_INPUT, "outcome is required: completed or failed");
        }
        byte[] stdout = utf8(body.stdout());
        byte[] stderr = utf8(body.stderr());
        int keptOut = prefixLength(stdout, outputCapBytes);
        int keptErr = prefixLength(stderr, outputCapBytes - keptOut);
        long kept = keptOut + keptErr;
        ToolCallChanged written = commands.send(
                new ReportToolCallResult(
                        callId,
                        actor,
                        body.outcome(),
                        body.exitCode(),
                        body.durationMs() == null ? 0 : body.durationMs(),
                        redaction.redact(new String(stdout, 0, keptOut, StandardCharsets.UTF_8)),
                        redaction.redact(new String(stderr, 0, keptErr, StandardCharsets.UTF_8)),
                        kept < stdout.length + stderr.length,
                        kept,
                        body.error() == null ? null : redaction.redact(body.error())),
                () -> missing(id));
        return reads.afterWrite(actor, written, ResponseEntity.ok());
    }

    /**
     * How many of the bytes to keep: cut where the sandbox cuts its own output, at the budget or just before it where
     * a character would split.
     */
    static int prefixLength(byte[] bytes, long budget) {
        return Utf8.completeLength(bytes, (int) Math.max(0, Math.min(budget, bytes.length)));
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    private static RuleViolation missing(String id) {
        return refusal(ToolCallError.NOT_FOUND, "No tool call " + id);
    }

    private static RuleViolation refusal(ToolCallError error, String detail) {
        return new RuleViolation(error, detail) {};
    }
}
