package dev.orchwiz.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orchwiz.api.identity.event.AdminClaimed;
import dev.orchwiz.api.identity.event.ApiTokenRevoked;
import dev.orchwiz.api.identity.event.GitHubLinked;
import dev.orchwiz.api.identity.event.GitHubUnlinked;
import dev.orchwiz.api.identity.event.PasskeyAdded;
import dev.orchwiz.api.identity.event.PasskeyRemoved;
import dev.orchwiz.api.identity.event.UserEmailVerified;
import dev.orchwiz.api.identity.event.UserRoleGranted;
import dev.orchwiz.api.identity.event.UserRoleRevoked;
import dev.orchwiz.api.identity.event.UserSignedOutEverywhere;
import dev.orchwiz.api.identity.query.ApiTokenGrant;
import dev.orchwiz.api.identity.query.FindApiTokenByHash;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What presented API tokens grant, remembered for a few seconds so that a script's requests do not each pay a
 * database look-up and a last-use write. Anything that changes a token or its holder on this node (a revocation, a
 * role, sign-out everywhere…) forgets every remembered grant at once, in the deciding command's transaction and again
 * after its commit, so no request in between can remember the old grant. Another node sharing the database sees such a
 * change within the time to live.
 */
@Component
@ProcessingGroup(WhenAccessEndsThenForgetIt.PROCESSING_GROUP)
class TokenGrants {

    /** A remembered grant, and when this node last wrote the token's last use. */
    private record Remembered(ApiTokenGrant grant, AtomicLong lastUseRecordedAt) {}

    private static final long RECORD_USE_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final QueryGateway queries;
    private final JdbcTemplate jdbc;
    private final Cache<String, Remembered> remembered;

    TokenGrants(
            QueryGateway queries,
            JdbcTemplate jdbc,
            @Value("${orchwiz.security.token-cache.ttl:10s}") Duration ttl,
            @Value("${orchwiz.security.token-cache.size:10000}") long size) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.remembered =
                Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).build();
    }

    /**
     * The grant of the token with this hash, as stored (revoked and expired ones included: the caller decides), and
     * the token's last use recorded at most once a minute. Unknown tokens are never remembered, so guessing fills
     * nothing.
     */
    Optional<ApiTokenGrant> find(String hash) {
        Remembered found = remembered.getIfPresent(hash);
        if (found == null) {
            Optional<ApiTokenGrant> grant = queries.query(
                            new FindApiTokenByHash(hash), ResponseTypes.optionalInstanceOf(ApiTokenGrant.class))
                    .join();
            if (grant.isEmpty()) {
                return grant;
            }
            found = new Remembered(grant.get(), new AtomicLong(System.nanoTime() - RECORD_USE_EVERY_NANOS));
            remembered.put(hash, found);
        }
        return Optional.of(found.grant());
    }

    /** Last use is telemetry, not a fact worth an event; written at most once a minute per token and node. */
    void recordUse(String hash) {
        Remembered found = remembered.getIfPresent(hash);
        long now = System.nanoTime();
        if (found != null) {
            long last = found.lastUseRecordedAt().get();
            if (now - last < RECORD_USE_EVERY_NANOS
                    || !found.lastUseRecordedAt().compareAndSet(last, now)) {
                return;
            }
            jdbc.update(
                    "update api_token set last_used_at = now() where id = ?"
                            + " and (last_used_at is null or last_used_at < now() - interval '1 minute')",
                    found.grant().tokenId());
        }
    }

    @EventHandler
    void on(ApiTokenRevoked event) {
        forgetAll();
    }

    @EventHandler
    void on(UserRoleGranted event) {
        forgetAll();
    }

    @EventHandler
    void on(UserRoleRevoked event) {
        forgetAll();
    }

    @EventHandler
    void on(AdminClaimed event) {
        forgetAll();
    }

    @EventHandler
    void on(UserSignedOutEverywhere event) {
        forgetAll();
    }

    @EventHandler
    void on(UserEmailVerified event) {
        forgetAll();
    }

    @EventHandler
    void on(PasskeyAdded event) {
        forgetAll();
    }

    @EventHandler
    void on(PasskeyRemoved event) {
        forgetAll();
    }

    @EventHandler
    void on(GitHubLinked event) {
        forgetAll();
    }

    @EventHandler
    void on(GitHubUnlinked event) {
        forgetAll();
    }

    /**
     * Changes of access are rare: forgetting every grant is simpler than finding the holder's, and always right. Once
     * now, and once after the commit, since a request between the two may have read the row the command was changing.
     */
    private void forgetAll() {
        remembered.invalidateAll();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> remembered.invalidateAll());
        }
    }
}
