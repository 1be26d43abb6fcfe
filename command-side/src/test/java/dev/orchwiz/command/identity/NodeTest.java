package dev.orchwiz.command.identity;

import static org.axonframework.test.matchers.Matchers.predicate;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.identity.NodeIds;
import dev.orchwiz.api.identity.SignupPolicy;
import dev.orchwiz.api.identity.command.ChangeSignupPolicy;
import dev.orchwiz.api.identity.command.ClaimAdmin;
import dev.orchwiz.api.identity.command.CompleteSetup;
import dev.orchwiz.api.identity.command.InviteUser;
import dev.orchwiz.api.identity.command.WithdrawInvitation;
import dev.orchwiz.api.identity.event.AdminClaimed;
import dev.orchwiz.api.identity.event.InvitationWithdrawn;
import dev.orchwiz.api.identity.event.SetupCompleted;
import dev.orchwiz.api.identity.event.SignupPolicyChanged;
import dev.orchwiz.api.identity.event.UserInvited;
import dev.orchwiz.api.problem.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NodeTest {

    private static final String NODE = NodeIds.THIS_NODE;
    private static final UserId ROOT = UserId.of("root");
    private static final Actor ADMIN = new Actor(ROOT, true);
    private static final Actor ADA = new Actor(UserId.of("ada"), false);

    private FixtureConfiguration<Node> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Node.class);
    }

    private static Matcher<?> refusedWith(IdentityError error) {
        return predicate(thrown -> thrown instanceof RuleViolation violation && violation.errorCode() == error);
    }

    @Nested
    class SignupPolicies {

        @ParameterizedTest
        @EnumSource(SignupPolicy.class)
        void aFreshNodeRecordsEveryPolicyItIsGivenEvenTheDefault(SignupPolicy policy) {
            // given a node nobody has configured (its default is INVITE, yet the first choice is still recorded)
            fixture.givenNoPriorActivity()
                    // when
                    .when(new ChangeSignupPolicy(NODE, ADMIN, policy))
                    // then
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SignupPolicyChanged(NODE, policy, ROOT));
        }

        @Test
        void changesToADifferentPolicy() {
            fixture.given(new SignupPolicyChanged(NODE, SignupPolicy.INVITE, ROOT))
                    .when(new ChangeSignupPolicy(NODE, ADMIN, SignupPolicy.OPEN))
                    .expectEvents(new SignupPolicyChanged(NODE, SignupPolicy.OPEN, ROOT));
        }

        @Test
        void choosingThePolicyInForceAgainChangesNothing() {
            fixture.given(new SignupPolicyChanged(NODE, SignupPolicy.CLOSED, ROOT))
                    .when(new ChangeSignupPolicy(NODE, ADMIN, SignupPolicy.CLOSED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aNodeFirstTouchedByAnInvitationDoesNotRecordTheDefaultPolicyAgain() {
            // given the node came to exist through an invitation, so it is no longer fresh
            fixture.given(new UserInvited(NODE, "ada@example.org", ROOT))
                    // when the admin picks the default
                    .when(new ChangeSignupPolicy(NODE, ADMIN, SignupPolicy.INVITE))
                    // then
                    .expectNoEvents();
        }

        @Test
        void refusesAMemberChangingThePolicy() {
            fixture.given(new SignupPolicyChanged(NODE, SignupPolicy.INVITE, ROOT))
                    .when(new ChangeSignupPolicy(NODE, ADA, SignupPolicy.OPEN))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }

        @Test
        void refusesAMemberConfiguringAFreshNode() {
            fixture.givenNoPriorActivity()
                    .when(new ChangeSignupPolicy(NODE, ADA, SignupPolicy.OPEN))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }
    }

    @Nested
    class Invitations {

        @Test
        void invitesTheNormalizedAddress() {
            fixture.givenNoPriorActivity()
                    .when(new InviteUser(NODE, ADMIN, "  Ada@Example.ORG "))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserInvited(NODE, "ada@example.org", ROOT));
        }

        @Test
        void invitingTheSameAddressTwiceRecordsItOnce() {
            fixture.given(new UserInvited(NODE, "ada@example.org", ROOT))
                    .when(new InviteUser(NODE, ADMIN, "ADA@example.org"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void refusesAMemberInviting() {
            fixture.givenNoPriorActivity()
                    .when(new InviteUser(NODE, ADA, "grace@example.org"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(
                strings = {"", "   ", "ada", "ada@", "@example.org", "ada@example", "a da@example.org", "a@b@c.org"})
        void refusesSomethingThatIsNotAnEmailAddress(String email) {
            fixture.givenNoPriorActivity()
                    .when(new InviteUser(NODE, ADMIN, email))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.INVALID_INPUT));
        }

        @Test
        void refusesAnAddressLongerThanMailAllows() {
            String tooLong = "a".repeat(64) + "@" + "b".repeat(186) + ".org"; // 255 characters
            fixture.givenNoPriorActivity()
                    .when(new InviteUser(NODE, ADMIN, tooLong))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.INVALID_INPUT));
        }

        @Test
        void withdrawsAnInvitationGivenInAnyCase() {
            fixture.given(new UserInvited(NODE, "ada@example.org", ROOT))
                    .when(new WithdrawInvitation(NODE, ADMIN, " ADA@example.org"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new InvitationWithdrawn(NODE, "ada@example.org", ROOT));
        }

        @Test
        void refusesWithdrawingAnInvitationNobodyGave() {
            fixture.given(new UserInvited(NODE, "ada@example.org", ROOT))
                    .when(new WithdrawInvitation(NODE, ADMIN, "grace@example.org"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }

        @Test
        void refusesWithdrawingTheSameInvitationTwice() {
            fixture.given(
                            new UserInvited(NODE, "ada@example.org", ROOT),
                            new InvitationWithdrawn(NODE, "ada@example.org", ROOT))
                    .when(new WithdrawInvitation(NODE, ADMIN, "ada@example.org"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }

        @Test
        void refusesWithdrawingOnAFreshNode() {
            fixture.givenNoPriorActivity()
                    .when(new WithdrawInvitation(NODE, ADMIN, "ada@example.org"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }

        @Test
        void refusesAMemberWithdrawing() {
            fixture.given(new UserInvited(NODE, "ada@example.org", ROOT))
                    .when(new WithdrawInvitation(NODE, ADA, "ada@example.org"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }

        @Test
        void aWithdrawnAddressCanBeInvitedAgain() {
            fixture.given(
                            new UserInvited(NODE, "ada@example.org", ROOT),
                            new InvitationWithdrawn(NODE, "ada@example.org", ROOT))
                    .when(new InviteUser(NODE, ADMIN, "ada@example.org"))
                    .expectEvents(new UserInvited(NODE, "ada@example.org", ROOT));
        }
    }

    @Nested
    class FirstRunSetup {

        @Test
        void aFreshNodeTakesAnAdminClaimForTheNormalizedAddress() {
            fixture.givenNoPriorActivity()
                    .when(new ClaimAdmin(NODE, " Root@Example.org "))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AdminClaimed(NODE, "root@example.org"));
        }

        @Test
        void takesAnotherClaimWhileNoAdminExistsYet() {
            // an unverified claim does not lock the node: the one who finishes verifying first becomes admin
            fixture.given(new AdminClaimed(NODE, "root@example.org"))
                    .when(new ClaimAdmin(NODE, "other@example.org"))
                    .expectEvents(new AdminClaimed(NODE, "other@example.org"));
        }

        @Test
        void refusesAClaimForSomethingThatIsNotAnEmailAddress() {
            fixture.givenNoPriorActivity()
                    .when(new ClaimAdmin(NODE, "root"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.INVALID_INPUT));
        }

        @Test
        void refusesAClaimOnceSetupIsComplete() {
            fixture.given(
                            new AdminClaimed(NODE, "root@example.org"),
                            new SetupCompleted(NODE, ROOT, "root@example.org"))
                    .when(new ClaimAdmin(NODE, "mallory@example.org"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.SETUP_COMPLETE));
        }

        @Test
        void completesSetupWithTheNormalizedAddress() {
            fixture.given(new AdminClaimed(NODE, "root@example.org"))
                    .when(new CompleteSetup(NODE, ROOT, "ROOT@example.org "))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SetupCompleted(NODE, ROOT, "root@example.org"));
        }

        @Test
        void completesSetupOnAFreshNode() {
            fixture.givenNoPriorActivity()
                    .when(new CompleteSetup(NODE, ROOT, "root@example.org"))
                    .expectEvents(new SetupCompleted(NODE, ROOT, "root@example.org"));
        }

        @Test
        void completingSetupAgainChangesNothing() {
            fixture.given(new SetupCompleted(NODE, ROOT, "root@example.org"))
                    .when(new CompleteSetup(NODE, UserId.of("someone-else"), "else@example.org"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }
}
