package dev.orchwiz.command.run.runtime.openclaw;

import dev.orchwiz.command.run.runtime.RunContext;
import java.time.Instant;

/**
 * A command the gateway's agent wants to run and asks an operator about ({@code exec.approval.requested}), for a
 * session this runtime started. {@code expiresAt} is the gateway's deadline (null if it gave none): after it the
 * gateway applies its own fallback, which denies by default. {@code run} is the OrchWiz run whose model call started
 * the gateway session (null when the call belonged to none), so the approval is decided in that run's session.
 */
public record GatewayApprovalRequest(
        String id,
        String runId,
        String sessionKey,
        String command,
        String cwd,
        String host,
        String agentId,
        Instant expiresAt,
        RunContext run) {}
