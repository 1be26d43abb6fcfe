package dev.orchwiz.command.run.runtime.openclaw;

import java.time.Instant;

/**
 * A command the gateway's agent wants to run and asks an operator about ({@code exec.approval.requested}), for a
 * session this runtime started. {@code expiresAt} is the gateway's deadline (null if it gave none): after it the
 * gateway applies its own fallback, which denies by default.
 */
public record GatewayApprovalRequest(
        String id,
        String runId,
        String sessionKey,
        String command,
        String cwd,
        String host,
        String agentId,
        Instant expiresAt) {}
