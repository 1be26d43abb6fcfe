package dev.orchwiz.command.execution;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.toolcall.ToolCallError;
import dev.orchwiz.api.toolcall.ToolCallId;
import dev.orchwiz.api.toolcall.ToolCallStatus;
import dev.orchwiz.api.toolcall.command.ReportToolCallResult;
import dev.orchwiz.api.toolcall.query.ToolCallView;
import dev.orchwiz.command.toolcall.ToolCallReads;
import dev.orchwiz.command.web.CommandSender;
import java.nio.charset.StandardCharsets;
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
    private final OutputRedaction redaction = new OutputRedaction(System.getenv());

    RuntimeResultController(CommandSender commands, ToolCallReads reads, ExecutionProperties execution) {
        this.commands = commands;
        this.reads = reads;
        this.outputCapBytes = execution.outputCap().toBytes();
    }

    record Result(String outcome, Integer exitCode, Long durationMs, String stdout, String stderr, String error) {}

    @PostMapping("/api/tool-calls/{id}/result")
    ToolCallView report(Actor actor, @PathVariable String id, @RequestBody Result body) {
        ToolCallId callId = ToolCallId.parse(id).orElseThrow(() -> missing(id));
        if (body.outcome() == null) {
            throw refusal(ToolCallError.INVALID_INPUT, "outcome is required: completed or failed");
        }
        String stdout = body.stdout() == null ? "" : body.stdout();
        String stderr = body.stderr() == null ? "" : body.stderr();
        long total = utf8Length(stdout) + utf8Length(stderr);
        String keptOut = prefixWithin(stdout, outputCapBytes);
        String keptErr = prefixWithin(stderr, outputCapBytes - utf8Length(keptOut));
        long kept = utf8Length(keptOut) + utf8Length(keptErr);
        ToolCallStatus after = commands.send(
                new ReportToolCallResult(
                        callId,
                        actor,
                        body.outcome(),
                        body.exitCode(),
                        body.durationMs() == null ? 0 : body.durationMs(),
                        redaction.redact(keptOut),
                        redaction.redact(keptErr),
                        kept < total,
                        kept,
                        body.error() == null ? null : redaction.redact(body.error())),
                () -> missing(id));
        return reads.afterWrite(actor, callId, status -> status != after);
    }

    /** The longest prefix of {@code text} whose UTF-8 form fits in {@code budget} bytes, never splitting a character. */
    static String prefixWithin(String text, long budget) {
        if (budget <= 0) {
            return "";
        }
        if (utf8Length(text) <= budget) {
            return text;
        }
        long used = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int bytes = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (used + bytes > budget) {
                break;
            }
            used += bytes;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static RuleViolation missing(String id) {
        return refusal(ToolCallError.NOT_FOUND, "No tool call " + id);
    }

    private static RuleViolation refusal(ToolCallError error, String detail) {
        return new RuleViolation(error, detail) {};
    }
}
