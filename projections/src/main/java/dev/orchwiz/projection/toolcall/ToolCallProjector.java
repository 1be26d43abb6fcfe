package dev.orchwiz.projection.toolcall;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.toolcall.ToolCallStatus;
import dev.orchwiz.api.toolcall.event.ToolCallApprovalExpired;
import dev.orchwiz.api.toolcall.event.ToolCallApprovalRequested;
import dev.orchwiz.api.toolcall.event.ToolCallApproved;
import dev.orchwiz.api.toolcall.event.ToolCallAwaitingHooks;
import dev.orchwiz.api.toolcall.event.ToolCallBlocked;
import dev.orchwiz.api.toolcall.event.ToolCallCancellationRequested;
import dev.orchwiz.api.toolcall.event.ToolCallCancelled;
import dev.orchwiz.api.toolcall.event.ToolCallCompleted;
import dev.orchwiz.api.toolcall.event.ToolCallDenied;
import dev.orchwiz.api.toolcall.event.ToolCallFailed;
import dev.orchwiz.api.toolcall.event.ToolCallHookVerdictRecorded;
import dev.orchwiz.api.toolcall.event.ToolCallOutputRecorded;
import dev.orchwiz.api.toolcall.event.ToolCallOutputTruncated;
import dev.orchwiz.api.toolcall.event.ToolCallPermissionEvaluated;
import dev.orchwiz.api.toolcall.event.ToolCallRequested;
import dev.orchwiz.api.toolcall.event.ToolCallRunStarted;
import dev.orchwiz.api.toolcall.event.ToolCallTimedOut;
import dev.orchwiz.api.toolcall.query.ApprovalView;
import dev.orchwiz.api.toolcall.query.HookVerdictView;
import dev.orchwiz.projection.jsonb.Jsonb;
import dev.orchwiz.projection.rows.Columns;
import dev.orchwiz.projection.rows.VersionedRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills {@code tool_call} and {@code tool_call_output}. Every update names the aggregate sequence it applies and only
 * moves a row forward, so an event delivered twice changes nothing.
 */
@Component
@ProcessingGroup(ToolCallProjector.PROCESSING_GROUP)
class ToolCallProjector {

    static final String PROCESSING_GROUP = "tool-calls";

    private final NamedParameterJdbcTemplate jdbc;
    private final VersionedRows rows;

    ToolCallProjector(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new VersionedRows(jdbc, "tool_call");
    }

    @EventHandler
    void on(ToolCallRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update(
                """
                insert into tool_call (id, owner_id, origin, parent_id, tool, summary, input, input_hash, command_id,
                    command_name, session_id, subagent_id, working_directory, status, requested_at, version)
                values (:id, :owner, :origin, :parent, :tool, :summary, cast(:input as jsonb), :hash, :command,
                    :commandName, :session, :subagent, :workingDirectory, :status, :at, :version)
                on conflict (id) do nothing
                """,
                new MapSqlParameterSource()
                        .addValue("id", event.toolCallId().value())
                        .addValue("owner", event.ownerId().value())
                        .addValue("origin", event.origin().name())
                        .addValue("parent", Columns.uuid(event.parentToolCallId()))
                        .addValue("tool", event.tool())
                        .addValue("summary", event.summary())
                        .addValue("input", Jsonb.write(event.input()))
                        .addValue("hash", event.inputHash())
                        .addValue("command", Columns.uuid(event.commandId()))
                        .addValue("commandName", event.commandName())
                        .addValue("session", Columns.uuid(event.sessionId()))
                        .addValue("subagent", Columns.uuid(event.subagentId()))
                        .addValue("workingDirectory", event.workingDirectory())
                        .addValue("status", ToolCallStatus.REQUESTED.name())
                        .addValue("at", timestamp(at))
                        .addValue("version", sequence));
    }

    @EventHandler
    void on(ToolCallPermissionEvaluated event, @SequenceNumber long sequence) {
        rows.update(
                event.toolCallId().value(),
                sequence,
                "outcome = :outcome, reason = :reason, decided_by = cast(:decidedBy as jsonb), shadowed = cast(:shadowed as jsonb)",
                new MapSqlParameterSource()
                        .addValue("outcome", event.outcome().name())
                        .addValue("reason", event.reason())
                        .addValue("decidedBy", Jsonb.write(event.decidedBy()))
                        .addValue("shadowed", Jsonb.write(event.shadowed())));
    }

    @EventHandler
    void on(ToolCallAwaitingHooks event, @SequenceNumber long sequence) {
        List<HookVerdictView> hooks = event.hooks().stream()
                .map(hook -> new HookVerdictView(hook.hookId(), hook.name(), null, null))
                .toList();
        rows.update(
                event.toolCallId().value(),
                sequence,
                "status = :status, hooks = cast(:hooks as jsonb)",
                status(ToolCallStatus.AWAITING_HOOKS).addValue("hooks", Jsonb.write(hooks)));
    }

    @EventHandler
    void on(ToolCallHookVerdictRecorded event, @SequenceNumber long sequence) {
        UUID id = event.toolCallId().value();
        String stored = jdbc.queryForObject(
                "select hooks::text from tool_call where id = :id", new MapSqlParameterSource("id", id), String.class);
        List<HookVerdictView> hooks =
                new ArrayList<>(Jsonb.read(stored, new TypeReference<List<HookVerdictView>>() {}));
        hooks.replaceAll(hook -> hook.hookId().equals(event.hook().hookId())
                ? new HookVerdictView(
                        hook.hookId(), hook.name(), event.verdict().wireName(), event.reason())
                : hook);
        rows.update(
                id, sequence, "hooks = cast(:hooks as jsonb)", new MapSqlParameterSource("hooks", Jsonb.write(hooks)));
    }

    @EventHandler
    void on(ToolCallApprovalRequested event, @SequenceNumber long sequence) {
        rows.update(
                event.toolCallId().value(),
                sequence,
                "status = :status, expires_at = :expires, approval = cast(:approval as jsonb), reason = :reason",
                status(ToolCallStatus.AWAITING_APPROVAL)
                        .addValue("expires", timestamp(event.expiresAt()))
                        .addValue("reason", event.reason())
                        .addValue(
                                "approval",
                                Jsonb.write(new ApprovalView(null, null, null, null, null, event.expiresAt()))));
    }

    @EventHandler
    void on(ToolCallApproved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.automatic()) {
            rows.update(
                    event.toolCallId().value(),
                    sequence,
                    "status = :status, reason = :reason",
                    status(ToolCallStatus.APPROVED).addValue("reason", event.reason()));
            return;
        }
        decided(
                event.toolCallId().value(),
                sequence,
                ToolCallStatus.APPROVED,
                "approve",
                event.by().value(),
                event.comment(),
                at,
                // The approval panel says who approved; the reason keeps saying why the call had to ask.
                null);
    }

    @EventHandler
    void on(ToolCallDenied event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.by() == null) {
            rows.update(
                    event.toolCallId().value(),
                    sequence,
                    "status = :status, reason = :reason",
                    status(ToolCallStatus.DENIED).addValue("reason", event.reason()));
            return;
        }
        decided(
                event.toolCallId().value(),
                sequence,
                ToolCallStatus.DENIED,
                "deny",
                event.by().value(),
                event.comment(),
                at,
                event.reason());
    }

    @EventHandler
    void on(ToolCallApprovalExpired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        decided(
                event.toolCallId().value(),
                sequence,
                ToolCallStatus.EXPIRED,
                "expired",
                null,
                null,
                at,
                "No one decided before the approval expired at " + event.expiresAt());
    }

    @EventHandler
    void on(ToolCallBlocked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.update(
                event.toolCallId().value(),
                sequence,
                "status = :status, reason = :reason, finished_at = :at",
                status(ToolCallStatus.BLOCKED)
                        .addValue("reason", event.reason())
                        .addValue("at", timestamp(at)));
    }

    @EventHandler
    void on(ToolCallRunStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        rows.update(
                event.toolCallId().value(),
                sequence,
                "status = :status, started_at = :at, runner = :runner",
                status(ToolCallStatus.RUNNING).addValue("at", timestamp(at)).addValue("runner", event.runner()));
    }

    @EventHandler
    void on(ToolCallOutputRecorded event) {
        jdbc.update(
                """
                insert into tool_call_output (tool_call_id, sequence, stream, text) values (:id, :sequence, :stream, :text)
                on conflict do nothing
                """,
                new MapSqlParameterSource()
                        .addValue("id", event.toolCallId().value())
                        .addValue("sequence", event.sequence())
                        .addValue("stream", event.stream())
                        .addValue("text", event.text()));
    }

    @EventHandler
    void on(ToolCallOutputTruncated event, @SequenceNumber long sequence) {
        rows.update(event.toolCallId().value(), sequence, "truncated = true", new MapSqlParameterSource());
    }

    @EventHandler
    void on(ToolCallCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finished(
                event.toolCallId(), sequence, ToolCallStatus.COMPLETED, event.exitCode(), event.durationMs(), null, at);
    }

    @EventHandler
    void on(ToolCallFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finished(
                event.toolCallId(),
                sequence,
                ToolCallStatus.FAILED,
                event.exitCode(),
                event.durationMs(),
                event.error(),
                at);
    }

    @EventHandler
    void on(ToolCallTimedOut event, @SequenceNumber long sequence, @Timestamp Instant at) {
        finished(
                event.toolCallId(),
                sequence,
                ToolCallStatus.TIMED_OUT,
                null,
                event.durationMs(),
                "The run timed out; its process tree was killed",
                at);
    }

    @EventHandler
    void on(ToolCallCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String reason =
                event.by() == null ? "Cancelled" : "Cancelled by " + event.by().value();
        finished(event.toolCallId(), sequence, ToolCallStatus.CANCELLED, null, event.durationMs(), reason, at);
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("delete from tool_call_output");
        rows.clear();
    }

    private void decided(
            UUID id,
            long sequence,
            ToolCallStatus status,
            String decision,
            String by,
            String comment,
            Instant at,
            String reason) {
        java.sql.Timestamp expires = jdbc.queryForObject(
                "select expires_at from tool_call where id = :id",
                new MapSqlParameterSource("id", id),
                java.sql.Timestamp.class);
        Instant expiresAt = expires == null ? null : expires.toInstant();
        rows.update(
                id,
                sequence,
                "status = :status, reason = coalesce(:reason, reason), approval = cast(:approval as jsonb)"
                        + (status.isFinal() ? ", finished_at = :at" : ""),
                status(status)
                        .addValue("reason", reason)
                        .addValue("at", timestamp(at))
                        .addValue(
                                "approval", Jsonb.write(new ApprovalView(decision, by, null, comment, at, expiresAt))));
    }

    private void finished(
            ToolCallId id,
            long sequence,
            ToolCallStatus status,
            Integer exitCode,
            Long durationMs,
            String reason,
            Instant at) {
        rows.update(
                id.value(),
                sequence,
                "status = :status, exit_code = :exit, duration_ms = :duration, finished_at = :at"
                        + (reason == null ? "" : ", reason = :reason"),
                status(status)
                        .addValue("exit", exitCode)
                        .addValue("duration", durationMs)
                        .addValue("reason", reason)
                        .addValue("at", timestamp(at)));
    }

    /** Recorded so the runner holding the call sees the request even when another node's processor received it. */
    @EventHandler
    void on(ToolCallCancellationRequested event, @SequenceNumber long sequence) {
        rows.update(event.toolCallId().value(), sequence, "cancel_requested = true", new MapSqlParameterSource());
    }

    private static MapSqlParameterSource status(ToolCallStatus status) {
        return new MapSqlParameterSource("status", status.name());
    }

    private static java.sql.Timestamp timestamp(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
