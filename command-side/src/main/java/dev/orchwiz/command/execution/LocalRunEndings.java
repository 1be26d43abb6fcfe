package dev.orchwiz.command.execution;

import dev.orchwiz.api.id.ToolCallId;

/**
 * Told, on the thread that recorded it, that this node's run of a call ended {@code completed}: whoever waits for the
 * call (an agent run) can go on without waiting for the event to reach its processor (ADR 0024). The call's
 * {@code ToolCallCompleted} is committed by then; {@code printed} says whether the run recorded any output, which
 * only the call's output events carry.
 */
public interface LocalRunEndings {

    void completed(ToolCallId call, int exitCode, boolean printed);
}
