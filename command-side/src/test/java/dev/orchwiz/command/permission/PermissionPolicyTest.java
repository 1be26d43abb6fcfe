package dev.orchwiz.command.permission;

import static dev.orchwiz.api.toolcall.PermissionOutcome.ALLOW;
import static dev.orchwiz.api.toolcall.PermissionOutcome.ASK;
import static dev.orchwiz.api.toolcall.PermissionOutcome.DENY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.containsString;

import dev.orchwiz.api.id.PermissionPolicyId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.OwnerMetaData;
import dev.orchwiz.api.permission.PermissionError;
import dev.orchwiz.api.permission.PermissionPolicyDefinition;
import dev.orchwiz.api.permission.PermissionPolicyRule;
import dev.orchwiz.api.permission.command.CreatePermissionPolicy;
import dev.orchwiz.api.permission.command.PermissionPolicyChanged;
import dev.orchwiz.api.permission.command.RemovePermissionPolicy;
import dev.orchwiz.api.permission.command.RevisePermissionPolicy;
import dev.orchwiz.api.permission.event.PermissionPolicyCreated;
import dev.orchwiz.api.permission.event.PermissionPolicyRemoved;
import dev.orchwiz.api.permission.event.PermissionPolicyRevised;
import dev.orchwiz.api.problem.RuleViolation;
import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionPolicyTest {

    private static final UserId OWNER = UserId.of("ada");
    private static final Actor ADA = new Actor(OWNER, false);
    private static final Actor GRACE = new Actor(UserId.of("grace"), false);
    private static final Actor ADMIN = new Actor(UserId.of("root"), true);

    private final PermissionPolicyId id = PermissionPolicyId.random();
    private final HeldPolicySlugs slugs = new HeldPolicySlugs();
    private FixtureConfiguration<PermissionPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PermissionPolicy.class);
        fixture.registerAnnotatedCommandHandler(new PermissionPolicyNaming(fixture.getRepository(), slugs));
    }

    private static PermissionPolicyRule rule(String text, dev.orchwiz.api.toolcall.PermissionOutcome outcome) {
        return new PermissionPolicyRule(text, outcome);
    }

    private static PermissionPolicyDefinition definition(String title, PermissionPolicyRule... rules) {
        return new PermissionPolicyDefinition(title, "keeps agents offline", Arrays.asList(rules));
    }

    private PermissionPolicyCreated created() {
        return new PermissionPolicyCreated(
                id, OWNER, "no-network", definition("No network", rule("Bash(curl *)", DENY)), OWNER);
    }

    private static Matcher<?> refusedWith(PermissionError error) {
        return predicate(thrown -> thrown instanceof RuleViolation violation && violation.errorCode() == error);
    }

    @Test
    void createsAPolicyWithItsRulesInCanonicalSpellingAndClaimsTheSlug() {
        fixture.givenNoPriorActivity()
                .when(new CreatePermissionPolicy(
                        id,
                        ADA,
                        " no-network ",
                        definition(
                                "  No network ",
                                rule(" Bash(curl *) ", DENY),
                                rule("WebFetch(*)", DENY),
                                rule("Read", ALLOW))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PermissionPolicyCreated(
                        id,
                        OWNER,
                        "no-network",
                        definition(
                                "No network", rule("Bash(curl *)", DENY), rule("WebFetch", DENY), rule("Read", ALLOW)),
                        OWNER))
                .expectResultMessagePayload(new PermissionPolicyChanged(id, 0));

        assertThat(slugs.isHeld(OWNER, "no-network")).isTrue();
    }

    @Test
    void namesItsOwnerInTheEventMetadataSoTheStreamShowsItOnlyToThem() {
        fixture.givenNoPriorActivity()
                .when(new CreatePermissionPolicy(id, ADA, "no-network", definition("No network")))
                .expectEventsMatching(exactSequenceOf(
                        predicate((EventMessage<?> event) ->
                                OWNER.value().equals(event.getMetaData().get(OwnerMetaData.KEY))),
                        andNoMore()));
    }

    @Test
    void usesTheSlugAsTitleWhenNoneIsGiven() {
        fixture.givenNoPriorActivity()
                .when(new CreatePermissionPolicy(id, ADA, "team", new PermissionPolicyDefinition(" ", null, null)))
                .expectEvents(new PermissionPolicyCreated(
                        id, OWNER, "team", new PermissionPolicyDefinition("team", null, List.of()), OWNER));
    }

    @Test
    void refusesAnInvalidRuleNamingItsPositionWithTheRuleInvalidCode() {
        fixture.givenNoPriorActivity()
                .when(new CreatePermissionPolicy(
                        id, ADA, "broken", definition("Broken", rule("Read", ALLOW), rule("Bash(", DENY))))
                .expectNoEvents()
                .expectException(refusedWith(PermissionError.RULE_INVALID))
                .expectExceptionMessage(containsString("rules[1]"));

        assertThat(slugs.isHeld(OWNER, "broken"))
                .as("a refused policy claims nothing")
                .isFalse();
    }

    @Test
    void refusesARuleWithoutAnOutcome() {
        fixture.givenNoPriorActivity()
                .when(new CreatePermissionPolicy(id, ADA, "broken", definition("Broken", rule("Read", null))))
                .expectNoEvents()
                .expectException(refusedWith(PermissionError.RULE_INVALID));
    }

    @Test
    void refusesTheSameRuleTwiceEvenSpelledDifferently() {
        fixture.givenNoPriorActivity()
                .when(new CreatePermissionPolicy(
                        id, ADA, "twice", definition("Twice", rule("WebFetch", ASK), rule("WebFetch(*)", DENY))))
                .expectNoEvents()
                .expectException(refusedWith(PermissionError.POLICY_INVALID))
                .expectExceptionMessage(containsString("listed twice"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "No-Network",
                "no_network",
                "-network",
                "network-",
                "no--network",
                "no network",
                "no/network",
                "a2345678901234567890123456789012345678901234567890123456789012345"
            })
    void refusesSlugsThatAreNotLowercaseKebabCase(String slug) {
        fixture.givenNoPriorActivity()
                .when(new CreatePermissionPolicy(id, ADA, slug, definition("Bad")))
                .expectNoEvents()
                .expectException(refusedWith(PermissionError.POLICY_INVALID));
    }

    @Test
    void refusesTheSlugOfABuiltInPolicy() {
        fixture.givenNoPriorActivity()
                .when(new CreatePermissionPolicy(id, ADA, "safe-core", definition("Mine")))
                .expectNoEvents()
                .expectException(refusedWith(PermissionError.POLICY_SLUG_TAKEN))
                .expectExceptionMessage(containsString("built-in"));
    }

    @Test
    void refusesASlugTheOwnerAlreadyHasButNotOneOnlySomeoneElseHas() {
        slugs.holding(OWNER, "no-network");

        fixture.givenNoPriorActivity()
                .when(new CreatePermissionPolicy(id, ADA, "no-network", definition("Again")))
                .expectNoEvents()
                .expectException(refusedWith(PermissionError.POLICY_SLUG_TAKEN));
        fixture.givenNoPriorActivity()
                .when(new CreatePermissionPolicy(PermissionPolicyId.random(), GRACE, "no-network", definition("Hers")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void revisesTitleDescriptionAndRulesButKeepsTheSlug() {
        PermissionPolicyDefinition revised =
                new PermissionPolicyDefinition("Offline", null, List.of(rule("Bash(ssh *)", DENY)));

        fixture.given(created())
                .when(new RevisePermissionPolicy(id, ADA, 0L, revised))
                .expectEvents(new PermissionPolicyRevised(id, revised, OWNER))
                .expectResultMessagePayload(new PermissionPolicyChanged(id, 1));
    }

    @Test
    void refusesARevisionMadeOnAnOutdatedVersion() {
        fixture.given(created(), new PermissionPolicyRevised(id, definition("Offline"), OWNER))
                .when(new RevisePermissionPolicy(id, ADA, 0L, definition("Stale")))
                .expectNoEvents()
                .expectException(refusedWith(PermissionError.POLICY_VERSION_MISMATCH));
    }

    @Test
    void refusesAnInvalidRuleInARevision() {
        fixture.given(created())
                .when(new RevisePermissionPolicy(id, ADA, null, definition("Offline", rule("Bash(", DENY))))
                .expectNoEvents()
                .expectException(refusedWith(PermissionError.RULE_INVALID));
    }

    @Test
    void answersSomeoneElseAsIfThePolicyDidNotExist() {
        fixture.given(created())
                .when(new RevisePermissionPolicy(id, GRACE, null, definition("Hijacked")))
                .expectNoEvents()
                .expectException(refusedWith(PermissionError.POLICY_NOT_FOUND));
        fixture.given(created())
                .when(new RemovePermissionPolicy(id, GRACE))
                .expectNoEvents()
                .expectException(refusedWith(PermissionError.POLICY_NOT_FOUND));
    }

    @Test
    void removingThePolicyReleasesItsSlug() {
        slugs.claim(OWNER, "no-network", id);

        fixture.given(created())
                .when(new RemovePermissionPolicy(id, ADA))
                .expectEvents(new PermissionPolicyRemoved(id, "no-network", OWNER));

        assertThat(slugs.isHeld(OWNER, "no-network")).isFalse();
    }

    @Test
    void anAdminMayRemoveAnyonesPolicyAndTheEventStillNamesTheOwner() {
        slugs.claim(OWNER, "no-network", id);

        fixture.given(created())
                .when(new RemovePermissionPolicy(id, ADMIN))
                .expectEventsMatching(exactSequenceOf(
                        predicate((EventMessage<?> event) -> event.getPayload()
                                        .equals(new PermissionPolicyRemoved(id, "no-network", ADMIN.id()))
                                && OWNER.value().equals(event.getMetaData().get(OwnerMetaData.KEY))),
                        andNoMore()));

        assertThat(slugs.isHeld(OWNER, "no-network")).isFalse();
    }
}
