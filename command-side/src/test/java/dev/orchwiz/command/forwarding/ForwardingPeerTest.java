package dev.orchwiz.command.forwarding;

import static org.axonframework.test.matchers.Matchers.predicate;

import dev.orchwiz.api.forwarding.ForwardingError;
import dev.orchwiz.api.forwarding.ForwardingSignatures;
import dev.orchwiz.api.forwarding.PeerRedaction;
import dev.orchwiz.api.forwarding.command.PauseForwardingPeer;
import dev.orchwiz.api.forwarding.command.RegisterForwardingPeer;
import dev.orchwiz.api.forwarding.command.RemoveForwardingPeer;
import dev.orchwiz.api.forwarding.command.ResetForwardingPeer;
import dev.orchwiz.api.forwarding.command.ResumeForwardingPeer;
import dev.orchwiz.api.forwarding.event.ForwardingPeerPaused;
import dev.orchwiz.api.forwarding.event.ForwardingPeerRegistered;
import dev.orchwiz.api.forwarding.event.ForwardingPeerRemoved;
import dev.orchwiz.api.forwarding.event.ForwardingPeerReset;
import dev.orchwiz.api.forwarding.event.ForwardingPeerResumed;
import dev.orchwiz.api.id.ForwardingPeerId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.problem.RuleViolation;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardingPeerTest {

    private static final ForwardingPeerId ID = ForwardingPeerId.random();
    private static final Actor ADMIN = new Actor(UserId.of("root"), true);
    private static final Actor ADA = new Actor(UserId.of("ada"), false);
    private static final String KEY =
            ForwardingSignatures.publicKeyText(ForwardingSignatures.generate().getPublic());

    private FixtureConfiguration<ForwardingPeer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ForwardingPeer.class);
    }

    private static Matcher<?> refusedWith(ForwardingError error) {
        return predicate(thrown -> thrown instanceof RuleViolation violation && violation.errorCode() == error);
    }

    private static RegisterForwardingPeer register(Actor actor, String url, String key, List<String> types) {
        return new RegisterForwardingPeer(ID, actor, url, "node-b", key, types, null);
    }

    private static ForwardingPeerRegistered registered() {
        return new ForwardingPeerRegistered(
                ID, "http://10.0.0.7:8080", "node-b", KEY, List.of(), PeerRedaction.FULL, ADMIN.id());
    }

    @Test
    void anAdminRegistersAPeerOnAPrivateAddressWithItsUrlNormalised() {
        fixture.givenNoPriorActivity()
                .when(register(ADMIN, " http://10.0.0.7:8080/ ", KEY, List.of("Session*", "Session*")))
                .expectEvents(new ForwardingPeerRegistered(
                        ID,
                        "http://10.0.0.7:8080",
                        "node-b",
                        KEY,
                        List.of("Session*"),
                        PeerRedaction.FULL,
                        ADMIN.id()));
    }

    @Test
    void refusesRegistrationByANonAdmin() {
        fixture.givenNoPriorActivity()
                .when(register(ADA, "http://10.0.0.7:8080", KEY, null))
                .expectException(refusedWith(ForwardingError.NOT_ADMIN));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "10.0.0.7:8080",
                "ftp://10.0.0.7",
                "file:///etc/passwd",
                "http://user:pw@10.0.0.7",
                "http://10.0.0.7/?q=1",
                "http://10.0.0.7/#x",
                "http:///nohost"
            })
    void refusesAUrlThatIsNotAPlainHttpBase(String url) {
        fixture.givenNoPriorActivity()
                .when(register(ADMIN, url, KEY, null))
                .expectException(refusedWith(ForwardingError.INVALID_PEER_URL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AAAA", "not base64!", "MCowBQYDK2VwAyEA"})
    void refusesAKeyThatIsNotARawEd25519PublicKey(String key) {
        fixture.givenNoPriorActivity()
                .when(register(ADMIN, "http://10.0.0.7", key, null))
                .expectException(refusedWith(ForwardingError.INVALID_PUBLIC_KEY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Session Started", "1Session", "Sess*ion", "a.b"})
    void refusesAnEventTypeThatIsNeitherANameNorAPrefix(String type) {
        fixture.givenNoPriorActivity()
                .when(register(ADMIN, "http://10.0.0.7", KEY, List.of(type)))
                .expectException(refusedWith(ForwardingError.INVALID_INPUT));
    }

    @Test
    void pausingTwiceAndResumingTwiceAnnounceOnce() {
        fixture.given(registered(), new ForwardingPeerPaused(ID, ADMIN.id()))
                .when(new PauseForwardingPeer(ID, ADMIN))
                .expectNoEvents();
        fixture.given(registered(), new ForwardingPeerPaused(ID, ADMIN.id()))
                .when(new ResumeForwardingPeer(ID, ADMIN))
                .expectEvents(new ForwardingPeerResumed(ID, ADMIN.id()));
        fixture.given(registered()).when(new ResumeForwardingPeer(ID, ADMIN)).expectNoEvents();
    }

    @Test
    void eachResetIsCountedSoThatTheOutboxAppliesItOnce() {
        fixture.given(registered(), new ForwardingPeerReset(ID, 10, 1, ADMIN.id()))
                .when(new ResetForwardingPeer(ID, ADMIN, 0))
                .expectEvents(new ForwardingPeerReset(ID, 0, 2, ADMIN.id()));
    }

    @Test
    void refusesANegativeResetPosition() {
        fixture.given(registered())
                .when(new ResetForwardingPeer(ID, ADMIN, -1))
                .expectException(refusedWith(ForwardingError.INVALID_INPUT));
    }

    @Test
    void refusesRemovalByANonAdmin() {
        fixture.given(registered())
                .when(new RemoveForwardingPeer(ID, ADA))
                .expectException(refusedWith(ForwardingError.NOT_ADMIN));
    }

    @Test
    void anAdminRemovesAPeer() {
        fixture.given(registered())
                .when(new RemoveForwardingPeer(ID, ADMIN))
                .expectEvents(new ForwardingPeerRemoved(ID, ADMIN.id()))
                .expectMarkedDeleted();
    }
}
