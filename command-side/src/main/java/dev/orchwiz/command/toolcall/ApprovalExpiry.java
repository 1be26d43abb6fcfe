package dev.orchwiz.command.toolcall;

import dev.orchwiz.api.id.ToolCallId;
import dev.orchwiz.api.toolcall.command.ExpireApproval;
import dev.orchwiz.api.toolcall.query.ExpiredApprovals;
import dev.orchwiz.api.toolcall.query.FindExpiredApprovals;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns approvals nobody answered into denials. It polls the read model rather than keeping timers in memory, so
 * expiries survive restarts and work with several nodes (the aggregate ignores a second expiry).
 */
@Component
class ApprovalExpiry {

    private static final Logger log = LoggerFactory.getLogger(ApprovalExpiry.class);
    private static final int BATCH = 100;

    private final QueryGateway queries;
    private final CommandGateway commands;

    ApprovalExpiry(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @Scheduled(fixedDelayString = "${orchwiz.approvals.expiry-check:PT2S}", initialDelayString = "PT5S")
    void expireDueApprovals() {
        Instant now = Instant.now();
        ExpiredApprovals due;
        try {
            due = queries.query(new FindExpiredApprovals(now, BATCH), ResponseTypes.instanceOf(ExpiredApprovals.class))
                    .join();
        } catch (RuntimeException unavailable) {
            // The database may be away (restarting, or the node shutting down); the next round tries again.
            log.debug("approvals not checked: {}", unavailable.getMessage());
            return;
        }
        for (ToolCallId id : due.toolCallIds()) {
            try {
                commands.sendAndWait(new ExpireApproval(id, now));
            } catch (RuntimeException failed) {
                log.warn("could not expire the approval of {}: {}", id, failed.getMessage());
            }
        }
    }
}
