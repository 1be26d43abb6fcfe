package dev.orchwiz.command.forwarding;

import static org.axonframework.test.matchers.Matchers.predicate;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.ThisNode;
import dev.orchwiz.api.forwarding.command.MakeNodeKey;
import dev.orchwiz.api.forwarding.command.RevokeNodeKey;
import dev.orchwiz.api.forwarding.command.RotateNodeKey;
import dev.orchwiz.api.forwarding.event.NodeKeyMade;
import dev.orchwiz.api.forwarding.event.NodeKeyRevoked;
import dev.orchwiz.api.forwarding.event.NodeKeyRotated;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodeKeysTest {

    private static final String KEYS = ThisNode.KEYS;
    private static final Actor ADMIN = new Actor(UserId.of("root"), true);
    private static final Actor ADA = new Actor(UserId.of("ada"), false);

    private FixtureConfiguration<NodeKeys> fixture;
    private final Deque<NodeSigningKeys.Made> keysToMake = new ArrayDeque<>();

    /** The database half of making a key is the ForwardingIT's; here each made key is the next one queued. */
    private final class QueuedKeys extends NodeSigningKeys {

        QueuedKeys() {
            super(null, null, Duration.ofDays(3));
        }

        @Override
        Made make() {
            return keysToMake.removeFirst();
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(NodeKeys.class);
        fixture.registerInjectableResource(new QueuedKeys());
    }

    private static Matcher<?> refusedWith(ForwardingError error) {
        return predicate(thrown -> thrown instanceof RuleViolation violation && violation.errorCode() == error);
    }

    @Test
    void theFirstStartMakesAKeyAndNamesTheNode() {
        keysToMake.add(new NodeSigningKeys.Made("k1", "pub1"));

        fixture.givenNoPriorActivity()
                .when(new MakeNodeKey(KEYS, "node-a"))
                .expectEvents(new NodeKeyMade(KEYS, "node-a", "k1", "pub1"))
                .expectResultMessagePayload("k1");
    }

    @Test
    void laterStartsKeepTheKeyAndTheNodeId() {
        fixture.given(new NodeKeyMade(KEYS, "node-a", "k1", "pub1"))
                .when(new MakeNodeKey(KEYS, "another-id"))
                .expectNoEvents()
                .expectResultMessagePayload("k1");
    }

    @Test
    void anAdminRotatesAndTheOldKeyStaysValidForTheGracePeriod() {
        keysToMake.add(new NodeSigningKeys.Made("k2", "pub2"));
        Instant before = Instant.now();

        fixture.given(new NodeKeyMade(KEYS, "node-a", "k1", "pub1"))
                .when(new RotateNodeKey(KEYS, ADMIN))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                predicate(event -> event instanceof NodeKeyRotated rotated
                                        && rotated.keyId().equals("k2")
                                        && rotated.publicKey().equals("pub2")
                                        && rotated.previousKeyId().equals("k1")
                                        && rotated.nodeId().equals("node-a")
                                        && !rotated.previousValidUntil().isBefore(before.plus(Duration.ofDays(3)))))))
                .expectResultMessagePayload("k2");
    }

    @Test
    void refusesRotationByANonAdmin() {
        fixture.given(new NodeKeyMade(KEYS, "node-a", "k1", "pub1"))
                .when(new RotateNodeKey(KEYS, ADA))
                .expectException(refusedWith(ForwardingError.NOT_ADMIN));
    }

    @Test
    void anAdminRevokesARotatedOutKey() {
        fixture.given(
                        new NodeKeyMade(KEYS, "node-a", "k1", "pub1"),
                        new NodeKeyRotated(KEYS, "node-a", "k2", "pub2", "k1", Instant.now(), ADMIN.id()))
                .when(new RevokeNodeKey(KEYS, ADMIN, "k1"))
                .expectEvents(new NodeKeyRevoked(KEYS, "node-a", "k1", ADMIN.id()));
    }

    @Test
    void refusesToRevokeTheCurrentKey() {
        fixture.given(new NodeKeyMade(KEYS, "node-a", "k1", "pub1"))
                .when(new RevokeNodeKey(KEYS, ADMIN, "k1"))
                .expectException(refusedWith(ForwardingError.CURRENT_KEY));
    }

    @Test
    void refusesToRevokeAnUnknownOrRevokedKey() {
        fixture.given(new NodeKeyMade(KEYS, "node-a", "k1", "pub1"))
                .when(new RevokeNodeKey(KEYS, ADMIN, "k9"))
                .expectException(refusedWith(ForwardingError.KEY_NOT_FOUND));
        fixture.given(
                        new NodeKeyMade(KEYS, "node-a", "k1", "pub1"),
                        new NodeKeyRotated(KEYS, "node-a", "k2", "pub2", "k1", Instant.now(), ADMIN.id()),
                        new NodeKeyRevoked(KEYS, "node-a", "k1", ADMIN.id()))
                .when(new RevokeNodeKey(KEYS, ADMIN, "k1"))
                .expectException(refusedWith(ForwardingError.KEY_REVOKED));
    }

    @Test
    void refusesRevocationByANonAdmin() {
        fixture.given(
                        new NodeKeyMade(KEYS, "node-a", "k1", "pub1"),
                        new NodeKeyRotated(KEYS, "node-a", "k2", "pub2", "k1", Instant.now(), ADMIN.id()))
                .when(new RevokeNodeKey(KEYS, ADA, "k1"))
                .expectException(refusedWith(ForwardingError.NOT_ADMIN));
    }
}
