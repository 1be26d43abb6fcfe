package dev.orchwiz.command.permission;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.containsString;

import dev.orchwiz.api.id.PermissionRuleId;
import dev.orchwiz.api.id.SessionId;
import dev.orchwiz.api.id.SubagentId;
import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.OwnerMetaData;
import dev.orchwiz.api.permission.PermissionError;
import dev.orchwiz.api.permission.RuleScope;
import dev.orchwiz.api.permission.command.AddPermissionRule;
import dev.orchwiz.api.permission.command.RemovePermissionRule;
import dev.orchwiz.api.permission.event.PermissionRuleAdded;
import dev.orchwiz.api.permission.event.PermissionRuleRemoved;
import dev.orchwiz.api.problem.RuleViolation;
import dev.orchwiz.api.toolcall.PermissionOutcome;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may add and remove a stored permission rule, and what the rule's events say. */
class PermissionRuleTest {

    private static final UserId OWNER = UserId.of("ada");
    private static final Actor ADA = new Actor(OWNER, false);
    private static final Actor GRACE = new Actor(UserId.of("grace"), false);
    private static final Actor ADMIN = new Actor(UserId.of("root"), true);

    private final PermissionRuleId id = PermissionRuleId.random();
    private final SubagentId subagent = SubagentId.random();
    private final SessionId session = SessionId.random();
    private FixtureConfiguration<PermissionRule> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PermissionRule.class);
    }

    private AddPermissionRule add(Actor actor, String rule, RuleScope scope) {
        return new AddPermissionRule(id, actor, rule, PermissionOutcome.DENY, scope, subagent, session);
    }

    private PermissionRuleAdded added(UserId owner, RuleScope scope) {
        return new PermissionRuleAdded(
                id,
                owner,
                "Bash(curl *)",
                PermissionOutcome.DENY,
                scope,
                scope == RuleScope.SUBAGENT ? subagent : null,
                scope == RuleScope.SESSION ? session : null,
                owner);
    }

    private static Matcher<?> refusedWith(PermissionError error) {
        return predicate(thrown -> thrown instanceof RuleViolation violation && violation.errorCode() == error);
    }

    private static Matcher<java.util.List<EventMessage<?>>> onlyEvent(Object payload, UserId owner) {
        return exactSequenceOf(
                predicate((EventMessage<?> event) -> event.getPayload().equals(payload)
                        && owner.value().equals(event.getMetaData().get(OwnerMetaData.KEY))),
                andNoMore());
    }

    @Nested
    class Adding {

        @Test
        void addsAUserRuleOwnedByItsAuthorAndNamesTheOwnerInTheMetadata() {
            fixture.givenNoPriorActivity()
                    .when(add(ADA, "Bash(curl *)", RuleScope.USER))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(onlyEvent(added(OWNER, RuleScope.USER), OWNER));
        }

        @ParameterizedTest(name = "{0} is stored as {1}")
        @CsvSource(
                delimiterString = "->",
                value = {
                    "'  Bash(curl *)  ' -> Bash(curl *)",
                    "Read(*) -> Read",
                    "'Bash( npm test )' -> Bash(npm test)",
                    "mcp__github__* -> mcp__github"
                })
        void storesTheRuleInItsCanonicalSpelling(String written, String stored) {
            fixture.givenNoPriorActivity()
                    .when(new AddPermissionRule(id, ADA, written, PermissionOutcome.ALLOW, RuleScope.USER, null, null))
                    .expectEvents(new PermissionRuleAdded(
                            id, OWNER, stored, PermissionOutcome.ALLOW, RuleScope.USER, null, null, OWNER));
        }

        @ParameterizedTest
        @EnumSource(PermissionOutcome.class)
        void keepsEveryOutcomeAsWritten(PermissionOutcome outcome) {
            fixture.givenNoPriorActivity()
                    .when(new AddPermissionRule(id, ADA, "Read", outcome, RuleScope.USER, null, null))
                    .expectEvents(
                            new PermissionRuleAdded(id, OWNER, "Read", outcome, RuleScope.USER, null, null, OWNER));
        }

        @Test
        void keepsOnlyTheSubagentOfASubagentRule() {
            fixture.givenNoPriorActivity()
                    .when(add(ADA, "Bash(curl *)", RuleScope.SUBAGENT))
                    .expectEvents(new PermissionRuleAdded(
                            id,
                            OWNER,
                            "Bash(curl *)",
                            PermissionOutcome.DENY,
                            RuleScope.SUBAGENT,
                            subagent,
                            null,
                            OWNER));
        }

        @Test
        void keepsOnlyTheSessionOfASessionRule() {
            fixture.givenNoPriorActivity()
                    .when(add(ADA, "Bash(curl *)", RuleScope.SESSION))
                    .expectEvents(new PermissionRuleAdded(
                            id,
                            OWNER,
                            "Bash(curl *)",
                            PermissionOutcome.DENY,
                            RuleScope.SESSION,
                            null,
                            session,
                            OWNER));
        }

        @Test
        void dropsTargetsAUserRuleHasNoUseFor() {
            // A stray subagent or session id on a user rule must not narrow it later, so the event leaves both out.
            fixture.givenNoPriorActivity()
                    .when(add(ADA, "Bash(curl *)", RuleScope.USER))
                    .expectEvents(added(OWNER, RuleScope.USER));
        }

        @Test
        void letsAnAdminAddAGlobalRuleOwnedByThatAdmin() {
            fixture.givenNoPriorActivity()
                    .when(add(ADMIN, "Bash(curl *)", RuleScope.GLOBAL))
                    .expectEventsMatching(onlyEvent(added(ADMIN.id(), RuleScope.GLOBAL), ADMIN.id()));
        }

        @Test
        void refusesAGlobalRuleFromAMember() {
            fixture.givenNoPriorActivity()
                    .when(add(ADA, "Bash(curl *)", RuleScope.GLOBAL))
                    .expectNoEvents()
                    .expectException(refusedWith(PermissionError.GLOBAL_ADMIN_ONLY));
        }

        @Test
        void refusesARuleWithoutAScope() {
            fixture.givenNoPriorActivity()
                    .when(add(ADA, "Bash(curl *)", null))
                    .expectNoEvents()
                    .expectException(refusedWith(PermissionError.RULE_INVALID))
                    .expectExceptionMessage(containsString("scope must be"));
        }

        @Test
        void refusesARuleWithoutAnOutcome() {
            fixture.givenNoPriorActivity()
                    .when(new AddPermissionRule(id, ADA, "Read", null, RuleScope.USER, null, null))
                    .expectNoEvents()
                    .expectException(refusedWith(PermissionError.RULE_INVALID))
                    .expectExceptionMessage(containsString("outcome must be"));
        }

        @Test
        void refusesASubagentRuleWithoutItsSubagent() {
            fixture.givenNoPriorActivity()
                    .when(new AddPermissionRule(
                            id, ADA, "Read", PermissionOutcome.ALLOW, RuleScope.SUBAGENT, null, session))
                    .expectNoEvents()
                    .expectException(refusedWith(PermissionError.TARGET_REQUIRED))
                    .expectExceptionMessage(containsString("subagentId"));
        }

        @Test
        void refusesASessionRuleWithoutItsSession() {
            fixture.givenNoPriorActivity()
                    .when(new AddPermissionRule(
                            id, ADA, "Read", PermissionOutcome.ALLOW, RuleScope.SESSION, subagent, null))
                    .expectNoEvents()
                    .expectException(refusedWith(PermissionError.TARGET_REQUIRED))
                    .expectExceptionMessage(containsString("sessionId"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "Bash(", "Bash()", "not a tool", "mcp__github(x)"})
        void refusesRuleTextClaudeCodeWouldRefuse(String rule) {
            fixture.givenNoPriorActivity()
                    .when(new AddPermissionRule(id, ADA, rule, PermissionOutcome.DENY, RuleScope.USER, null, null))
                    .expectNoEvents()
                    .expectException(InvalidRuleSpec.class)
                    .expectException(refusedWith(PermissionError.RULE_INVALID));
        }
    }

    @Nested
    class Removing {

        @Test
        void letsTheOwnerRemoveTheirRule() {
            fixture.given(added(OWNER, RuleScope.USER))
                    .when(new RemovePermissionRule(id, ADA))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(onlyEvent(new PermissionRuleRemoved(id, OWNER), OWNER));
        }

        @Test
        void letsAnAdminRemoveAMembersRuleKeepingTheMemberAsOwnerInTheMetadata() {
            fixture.given(added(OWNER, RuleScope.SUBAGENT))
                    .when(new RemovePermissionRule(id, ADMIN))
                    .expectEventsMatching(onlyEvent(new PermissionRuleRemoved(id, ADMIN.id()), OWNER));
        }

        @Test
        void answersAnotherMembersRuleAsNotFoundSoIdsCannotBeProbed() {
            fixture.given(added(OWNER, RuleScope.USER))
                    .when(new RemovePermissionRule(id, GRACE))
                    .expectNoEvents()
                    .expectException(refusedWith(PermissionError.RULE_NOT_FOUND));
        }

        @Test
        void letsAnotherAdminRemoveAGlobalRule() {
            Actor otherAdmin = new Actor(UserId.of("ops"), true);

            fixture.given(added(ADMIN.id(), RuleScope.GLOBAL))
                    .when(new RemovePermissionRule(id, otherAdmin))
                    .expectEvents(new PermissionRuleRemoved(id, otherAdmin.id()));
        }

        @Test
        void refusesAGlobalRuleToItsAuthorOnceTheyAreNoLongerAnAdmin() {
            // Global rules bind everyone, so only a current admin may drop one, even the one who wrote it.
            Actor demoted = new Actor(ADMIN.id(), false);

            fixture.given(added(ADMIN.id(), RuleScope.GLOBAL))
                    .when(new RemovePermissionRule(id, demoted))
                    .expectNoEvents()
                    .expectException(refusedWith(PermissionError.RULE_NOT_FOUND));
        }

        @Test
        void refusesToRemoveARuleTwice() {
            fixture.given(added(OWNER, RuleScope.USER), new PermissionRuleRemoved(id, OWNER))
                    .when(new RemovePermissionRule(id, ADA))
                    .expectNoEvents()
                    .expectException(AggregateDeletedException.class);
        }
    }
}
