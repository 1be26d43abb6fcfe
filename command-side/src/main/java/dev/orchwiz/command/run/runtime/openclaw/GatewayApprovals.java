package dev.orchwiz.command.run.runtime.openclaw;

import java.util.concurrent.CompletionStage;

/**
 * Where the gateway's exec approvals go: a bean implementing this bridges them to OrchWiz's own approvals. The answer
 * may take as long as a person does, so it is a stage, never a blocking call on the gateway's connection. Without
 * such a bean the runtime denies every approval of its runs and reports each denial in the turn's runtime tools.
 */
public interface GatewayApprovals {

    CompletionStage<GatewayApprovalDecision> decide(GatewayApprovalRequest request);

    /**
     * Called once per request that {@link #decide} took, when the gateway reported the exec's result (matched by its
     * command) or when the gateway run ended without one (finished, failed, cancelled or timed out), so that whatever
     * {@code decide} started is finished and never left waiting. Called on the run's thread; it may block briefly.
     */
    void settle(GatewayApprovalRequest request, GatewayExecResult result);
}
