package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.read.CatchUp;
import dev.orchwiz.api.toolcall.ToolCallError;
import dev.orchwiz.api.toolcall.command.ToolCallChanged;
import dev.orchwiz.api.toolcall.query.FindToolCall;
import dev.orchwiz.api.toolcall.query.ToolCallView;
import java.net.URI;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers a tool-call write with the call as it now stands: the read of {@code GET /api/tool-calls/{id}?minVersion=}
 * with the version the write produced, so a write's answer and a client's own read wait the same way ({@link
 * CatchUp}) and the call in the answer carries its {@code version} for later reads.
 */
@Component
public class ToolCallReads {

    private final QueryGateway queries;

    ToolCallReads(QueryGateway queries) {
        this.queries = queries;
    }

    /** The 202 of a requested call: where it lives, and the call at the version its request reached. */
    public ResponseEntity<ToolCallView> accepted(Actor actor, ToolCallChanged written) {
        return afterWrite(
                actor,
                written,
                ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(URI.create("/api/tool-calls/" + written.toolCallId())));
    }

    /** {@code response} with the call at the written version (or the freshest one, marked behind, if that is late). */
    public ResponseEntity<ToolCallView> afterWrite(
            Actor actor, ToolCallChanged written, ResponseEntity.BodyBuilder response) {
        CatchUp.Read<ToolCallView> read = CatchUp.READ_YOUR_WRITES.read(
                () -> queries.query(
                                new FindToolCall(actor, written.toolCallId()),
                                ResponseTypes.optionalInstanceOf(ToolCallView.class))
                        .join(),
                ToolCallView::version,
                written.version());
        ToolCallView view = read.found()
                .orElseThrow(
                        () -> new ToolCallRefusal(ToolCallError.NOT_FOUND, "No tool call " + written.toolCallId()));
        return response.header(CatchUp.BEHIND_HEADER, Boolean.toString(read.behind()))
                .body(view);
    }
}
