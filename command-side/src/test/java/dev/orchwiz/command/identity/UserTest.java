package dev.orchwiz.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.containsString;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.identity.Role;
import dev.orchwiz.api.identity.SignInMethod;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.command.ChangeRole;
import dev.orchwiz.api.identity.command.IssueApiToken;
import dev.orchwiz.api.identity.command.LinkGitHub;
import dev.orchwiz.api.identity.command.RecordPasskeyAdded;
import dev.orchwiz.api.identity.command.RecordSignInFailure;
import dev.orchwiz.api.identity.command.RegisterUser;
import dev.orchwiz.api.identity.command.RemovePasskey;
import dev.orchwiz.api.identity.command.RevokeApiToken;
import dev.orchwiz.api.identity.command.SignOutEverywhere;
import dev.orchwiz.api.identity.command.UnlinkGitHub;
import dev.orchwiz.api.identity.event.ApiTokenIssued;
import dev.orchwiz.api.identity.event.ApiTokenRevoked;
import dev.orchwiz.api.identity.event.GitHubLinked;
import dev.orchwiz.api.identity.event.GitHubUnlinked;
import dev.orchwiz.api.identity.event.PasskeyAdded;
import dev.orchwiz.api.identity.event.PasskeyRemoved;
import dev.orchwiz.api.identity.event.SignInFailed;
import dev.orchwiz.api.identity.event.UserEmailVerified;
import dev.orchwiz.api.identity.event.UserRegistered;
import dev.orchwiz.api.identity.event.UserRoleGranted;
import dev.orchwiz.api.identity.event.UserRoleRevoked;
import dev.orchwiz.api.identity.event.UserSignedOutEverywhere;
import dev.orchwiz.api.identity.query.CountAdmins;
import dev.orchwiz.api.problem.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserTest {

    private static final UserId ADA_ID = UserId.of("ada");
    private static final UserId ROOT_ID = UserId.of("root");
    private static final Actor ADA = new Actor(ADA_ID, false);
    private static final Actor GRACE = new Actor(UserId.of("grace"), false);
    private static final Actor ADMIN = new Actor(ROOT_ID, true);
    private static final String EMAIL = "ada@example.org";

    /** What the admin-count projection answers; the real query bus carries the question to it. */
    private final AtomicInteger admins = new AtomicInteger(2);

    private final AtomicInteger adminCountQueries = new AtomicInteger();
    private FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        queryBus.subscribe(CountAdmins.class.getName(), Long.class, query -> {
            adminCountQueries.incrementAndGet();
            return (long) admins.get();
        });
        QueryGateway queries = DefaultQueryGateway.builder().queryBus(queryBus).build();
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(queries);
    }

    private static Matcher<?> refusedWith(IdentityError error) {
        return predicate(thrown -> thrown instanceof RuleViolation violation && violation.errorCode() == error);
    }

    private static UserRegistered registered(Role... extra) {
        Set<Role> roles = EnumSet.of(Role.MEMBER);
        roles.addAll(List.of(extra));
        return new UserRegistered(ADA_ID, EMAIL, "Ada", roles);
    }

    private static IssueApiToken issue(String tokenId, Set<TokenScope> scopes, Instant expiresAt, String issuer) {
        return new IssueApiToken(ADA_ID, ADA, tokenId, "ci", scopes, expiresAt, "owz_ab", "hash-" + tokenId, issuer);
    }

    private static ApiTokenIssued issued(String tokenId, Set<TokenScope> scopes, Instant expiresAt) {
        return new ApiTokenIssued(ADA_ID, tokenId, "ci", "owz_ab", "hash-" + tokenId, scopes, expiresAt, ADA_ID);
    }

    @Nested
    class Registering {

        @Test
        void registersAMemberWithAVerifiedNormalizedAddress() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUser(ADA_ID, "  Ada@Example.ORG ", "Ada", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new UserRegistered(ADA_ID, EMAIL, "Ada", Set.of(Role.MEMBER)),
                            new UserEmailVerified(ADA_ID, EMAIL));
        }

        @Test
        void anEmptyRoleSetStillMakesAMember() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUser(ADA_ID, EMAIL, "Ada", Set.of()))
                    .expectEvents(
                            new UserRegistered(ADA_ID, EMAIL, "Ada", Set.of(Role.MEMBER)),
                            new UserEmailVerified(ADA_ID, EMAIL));
        }

        @Test
        void anAdminIsAlsoAMemberAndTheGrantIsRecordedAsTheirOwn() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUser(ADA_ID, EMAIL, "Ada", Set.of(Role.ADMIN)))
                    .expectEvents(
                            new UserRegistered(ADA_ID, EMAIL, "Ada", Set.of(Role.ADMIN, Role.MEMBER)),
                            new UserEmailVerified(ADA_ID, EMAIL),
                            new UserRoleGranted(ADA_ID, Role.ADMIN, ADA_ID));
        }

        @Test
        void everyEventCarriesTheUserAsOwner() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUser(ADA_ID, EMAIL, "Ada", Set.of(Role.ADMIN)))
                    .expectEventsMatching(predicate(events -> ((List<?>) events).size() == 3
                            && ((List<?>) events).stream().allMatch(event -> "ada"
                                    .equals(((EventMessage<?>) event)
                                            .getMetaData()
                                            .get("ownerId")))));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"ada", "ada@example", "ada@@example.org", "a da@example.org"})
        void refusesSomethingThatIsNotAnEmailAddress(String email) {
            fixture.givenNoPriorActivity()
                    .when(new RegisterUser(ADA_ID, email, "Ada", null))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.INVALID_INPUT));
        }
    }

    @Nested
    class Roles {

        @Test
        void anAdminGrantsTheAdminRole() {
            fixture.given(registered())
                    .when(new ChangeRole(ADA_ID, ADMIN, Role.ADMIN, true))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new UserRoleGranted(ADA_ID, Role.ADMIN, ROOT_ID));
        }

        @Test
        void grantingARoleTheUserHasChangesNothing() {
            fixture.given(registered(Role.ADMIN))
                    .when(new ChangeRole(ADA_ID, ADMIN, Role.ADMIN, true))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anAdminRevokesTheAdminRoleWhileAnotherAdminRemains() {
            admins.set(2);
            fixture.given(registered(Role.ADMIN))
                    .when(new ChangeRole(ADA_ID, ADMIN, Role.ADMIN, false))
                    .expectEvents(new UserRoleRevoked(ADA_ID, Role.ADMIN, ROOT_ID));
        }

        @Test
        void refusesRevokingTheLastAdmin() {
            admins.set(1);
            fixture.given(registered(Role.ADMIN))
                    .when(new ChangeRole(ADA_ID, new Actor(ADA_ID, true), Role.ADMIN, false))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.LAST_ADMIN));
        }

        @Test
        void revokingARoleTheUserLacksChangesNothingAndAsksNoCount() {
            admins.set(1);
            fixture.given(registered())
                    .when(new ChangeRole(ADA_ID, ADMIN, Role.ADMIN, false))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            assertThat(adminCountQueries).hasValue(0);
        }

        @Test
        void aRevokedRoleCanBeGrantedAgain() {
            fixture.given(registered(Role.ADMIN), new UserRoleRevoked(ADA_ID, Role.ADMIN, ROOT_ID))
                    .when(new ChangeRole(ADA_ID, ADMIN, Role.ADMIN, true))
                    .expectEvents(new UserRoleGranted(ADA_ID, Role.ADMIN, ROOT_ID));
        }

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void refusesAMemberChangingRolesEvenTheirOwn(boolean granted) {
            fixture.given(registered(Role.ADMIN))
                    .when(new ChangeRole(ADA_ID, ADA, Role.ADMIN, granted))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void refusesChangingTheMemberRole(boolean granted) {
            fixture.given(registered())
                    .when(new ChangeRole(ADA_ID, ADMIN, Role.MEMBER, granted))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.INVALID_INPUT))
                    .expectExceptionMessage(containsString("every user is a member"));
        }
    }

    @Nested
    class Passkeys {

        @Test
        void recordsANewPasskey() {
            fixture.given(registered())
                    .when(new RecordPasskeyAdded(ADA_ID, "cred-1", "laptop"))
                    .expectEvents(new PasskeyAdded(ADA_ID, "cred-1", "laptop"));
        }

        @Test
        void recordingAKnownPasskeyAgainChangesNothing() {
            fixture.given(registered(), new PasskeyAdded(ADA_ID, "cred-1", "laptop"))
                    .when(new RecordPasskeyAdded(ADA_ID, "cred-1", "renamed"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void removesOneOfSeveralPasskeysWithoutConfirmation() {
            fixture.given(
                            registered(),
                            new PasskeyAdded(ADA_ID, "cred-1", "laptop"),
                            new PasskeyAdded(ADA_ID, "cred-2", "phone"))
                    .when(new RemovePasskey(ADA_ID, ADA, "cred-1", false))
                    .expectEvents(new PasskeyRemoved(ADA_ID, "cred-1", ADA_ID));
        }

        @Test
        void refusesRemovingTheLastPasskeyUnconfirmed() {
            fixture.given(registered(), new PasskeyAdded(ADA_ID, "cred-1", "laptop"))
                    .when(new RemovePasskey(ADA_ID, ADA, "cred-1", false))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.LAST_PASSKEY));
        }

        @Test
        void removesTheLastPasskeyWhenConfirmed() {
            fixture.given(registered(), new PasskeyAdded(ADA_ID, "cred-1", "laptop"))
                    .when(new RemovePasskey(ADA_ID, ADA, "cred-1", true))
                    .expectEvents(new PasskeyRemoved(ADA_ID, "cred-1", ADA_ID));
        }

        @Test
        void theLastPasskeyRuleCountsPasskeysAlreadyRemoved() {
            fixture.given(
                            registered(),
                            new PasskeyAdded(ADA_ID, "cred-1", "laptop"),
                            new PasskeyAdded(ADA_ID, "cred-2", "phone"),
                            new PasskeyRemoved(ADA_ID, "cred-1", ADA_ID))
                    .when(new RemovePasskey(ADA_ID, ADA, "cred-2", false))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.LAST_PASSKEY));
        }

        @Test
        void anAdminRemovesSomeonesPasskey() {
            fixture.given(
                            registered(),
                            new PasskeyAdded(ADA_ID, "cred-1", "laptop"),
                            new PasskeyAdded(ADA_ID, "cred-2", "phone"))
                    .when(new RemovePasskey(ADA_ID, ADMIN, "cred-2", false))
                    .expectEvents(new PasskeyRemoved(ADA_ID, "cred-2", ROOT_ID));
        }

        @Test
        void refusesAnotherMemberRemovingAPasskey() {
            fixture.given(registered(), new PasskeyAdded(ADA_ID, "cred-1", "laptop"))
                    .when(new RemovePasskey(ADA_ID, GRACE, "cred-1", true))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }

        @Test
        void refusesRemovingAnUnknownPasskey() {
            fixture.given(registered(), new PasskeyAdded(ADA_ID, "cred-1", "laptop"))
                    .when(new RemovePasskey(ADA_ID, ADA, "cred-9", true))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.PASSKEY_NOT_FOUND));
        }

        @Test
        void refusesRemovingAPasskeyTwice() {
            fixture.given(
                            registered(),
                            new PasskeyAdded(ADA_ID, "cred-1", "laptop"),
                            new PasskeyRemoved(ADA_ID, "cred-1", ADA_ID))
                    .when(new RemovePasskey(ADA_ID, ADA, "cred-1", true))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.PASSKEY_NOT_FOUND));
        }
    }

    @Nested
    class ApiTokens {

        private final Instant inAWeek = Instant.now().plus(Duration.ofDays(7));

        @Test
        void issuesATokenWithATrimmedName() {
            fixture.given(registered())
                    .when(new IssueApiToken(
                            ADA_ID, ADA, "t1", "  ci  ", Set.of(TokenScope.READ), inAWeek, "owz_ab", "hash-t1", null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(issued("t1", Set.of(TokenScope.READ), inAWeek));
        }

        @Test
        void issuesATokenThatNeverExpires() {
            fixture.given(registered())
                    .when(issue("t1", Set.of(TokenScope.READ, TokenScope.WRITE), null, null))
                    .expectEvents(issued("t1", Set.of(TokenScope.READ, TokenScope.WRITE), null));
        }

        @Test
        void takesANameOfExactlyTheLimit() {
            String name = "n".repeat(User.TOKEN_NAME_LIMIT);
            fixture.given(registered())
                    .when(new IssueApiToken(ADA_ID, ADA, "t1", name, Set.of(TokenScope.READ), null, "p", "h", null))
                    .expectEvents(
                            new ApiTokenIssued(ADA_ID, "t1", name, "p", "h", Set.of(TokenScope.READ), null, ADA_ID));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void refusesATokenWithoutAName(String name) {
            fixture.given(registered())
                    .when(new IssueApiToken(ADA_ID, ADA, "t1", name, Set.of(TokenScope.READ), null, "p", "h", null))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.INVALID_INPUT));
        }

        @Test
        void refusesANameOverTheLimit() {
            String name = "n".repeat(User.TOKEN_NAME_LIMIT + 1);
            fixture.given(registered())
                    .when(new IssueApiToken(ADA_ID, ADA, "t1", name, Set.of(TokenScope.READ), null, "p", "h", null))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.INVALID_INPUT));
        }

        @ParameterizedTest
        @NullAndEmptySource
        void refusesATokenWithoutScopes(Set<TokenScope> scopes) {
            fixture.given(registered())
                    .when(issue("t1", scopes, null, null))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.INVALID_INPUT))
                    .expectExceptionMessage(containsString("at least one scope"));
        }

        @Test
        void refusesAnAdminTokenForAMember() {
            fixture.given(registered())
                    .when(issue("t1", Set.of(TokenScope.ADMIN), null, null))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.FORBIDDEN_SCOPE));
        }

        @Test
        void issuesAnAdminTokenForAnAdmin() {
            fixture.given(registered(Role.ADMIN))
                    .when(new IssueApiToken(
                            ADA_ID,
                            new Actor(ADA_ID, true),
                            "t1",
                            "ci",
                            Set.of(TokenScope.ADMIN),
                            null,
                            "p",
                            "h",
                            null))
                    .expectEvents(
                            new ApiTokenIssued(ADA_ID, "t1", "ci", "p", "h", Set.of(TokenScope.ADMIN), null, ADA_ID));
        }

        @Test
        void refusesAnAdminTokenOnceTheAdminRoleIsRevoked() {
            fixture.given(registered(Role.ADMIN), new UserRoleRevoked(ADA_ID, Role.ADMIN, ROOT_ID))
                    .when(issue("t1", Set.of(TokenScope.ADMIN), null, null))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.FORBIDDEN_SCOPE));
        }

        @Test
        void refusesATokenThatHasAlreadyExpired() {
            fixture.given(registered())
                    .when(issue("t1", Set.of(TokenScope.READ), Instant.now().minusSeconds(1), null))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.INVALID_INPUT))
                    .expectExceptionMessage(containsString("expire in the future"));
        }

        @Test
        void refusesEvenAnAdminIssuingATokenForSomeoneElse() {
            fixture.given(registered())
                    .when(new IssueApiToken(ADA_ID, ADMIN, "t1", "ci", Set.of(TokenScope.READ), null, "p", "h", null))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }

        @Test
        void aTokenIssuesATokenWithinItsScopesAndLifetime() {
            fixture.given(registered(), issued("parent", Set.of(TokenScope.READ, TokenScope.WRITE), inAWeek))
                    .when(issue("child", Set.of(TokenScope.READ), inAWeek.minusSeconds(60), "parent"))
                    .expectEvents(issued("child", Set.of(TokenScope.READ), inAWeek.minusSeconds(60)));
        }

        @Test
        void aTokenIssuesATokenExpiringExactlyWhenItDoes() {
            fixture.given(registered(), issued("parent", Set.of(TokenScope.READ), inAWeek))
                    .when(issue("child", Set.of(TokenScope.READ), inAWeek, "parent"))
                    .expectEvents(issued("child", Set.of(TokenScope.READ), inAWeek));
        }

        @Test
        void aTokenWithoutExpiryIssuesATokenWithoutExpiry() {
            fixture.given(registered(), issued("parent", Set.of(TokenScope.READ), null))
                    .when(issue("child", Set.of(TokenScope.READ), null, "parent"))
                    .expectEvents(issued("child", Set.of(TokenScope.READ), null));
        }

        @Test
        void refusesATokenIssuingAScopeItLacks() {
            fixture.given(registered(), issued("parent", Set.of(TokenScope.READ), null))
                    .when(issue("child", Set.of(TokenScope.READ, TokenScope.WRITE), null, "parent"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.TOKEN_SCOPE_EXCEEDS_CALLER))
                    .expectExceptionMessage(containsString("[read]"));
        }

        @Test
        void refusesAWriteTokenOfAnAdminIssuingAnAdminToken() {
            fixture.given(registered(Role.ADMIN), issued("parent", Set.of(TokenScope.READ, TokenScope.WRITE), null))
                    .when(issue("child", Set.of(TokenScope.ADMIN), null, "parent"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.TOKEN_SCOPE_EXCEEDS_CALLER));
        }

        @Test
        void refusesATokenOutlivingTheTokenThatIssuesIt() {
            fixture.given(registered(), issued("parent", Set.of(TokenScope.READ), inAWeek))
                    .when(issue("child", Set.of(TokenScope.READ), inAWeek.plusSeconds(1), "parent"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.TOKEN_SCOPE_EXCEEDS_CALLER));
        }

        @Test
        void refusesANeverExpiringTokenFromAnExpiringOne() {
            fixture.given(registered(), issued("parent", Set.of(TokenScope.READ), inAWeek))
                    .when(issue("child", Set.of(TokenScope.READ), null, "parent"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.TOKEN_SCOPE_EXCEEDS_CALLER));
        }

        @Test
        void refusesIssuingFromARevokedToken() {
            fixture.given(
                            registered(),
                            issued("parent", Set.of(TokenScope.READ), null),
                            new ApiTokenRevoked(ADA_ID, "parent", ADA_ID))
                    .when(issue("child", Set.of(TokenScope.READ), null, "parent"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.TOKEN_SCOPE_EXCEEDS_CALLER))
                    .expectExceptionMessage(containsString("no longer valid"));
        }

        @Test
        void refusesIssuingFromAnUnknownToken() {
            fixture.given(registered())
                    .when(issue("child", Set.of(TokenScope.READ), null, "nope"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.TOKEN_SCOPE_EXCEEDS_CALLER));
        }

        @Test
        void refusesATokenBeyondTheActiveLimit() {
            List<Object> history = new ArrayList<>(List.of(registered()));
            IntStream.range(0, User.MAX_ACTIVE_TOKENS)
                    .forEach(i -> history.add(issued("t" + i, Set.of(TokenScope.READ), null)));
            fixture.given(history)
                    .when(issue("one-too-many", Set.of(TokenScope.READ), null, null))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.INVALID_INPUT))
                    .expectExceptionMessage(containsString("At most 50 tokens"));
        }

        @Test
        void aRevokedTokenFreesItsPlaceUnderTheLimit() {
            List<Object> history = new ArrayList<>(List.of(registered()));
            IntStream.range(0, User.MAX_ACTIVE_TOKENS)
                    .forEach(i -> history.add(issued("t" + i, Set.of(TokenScope.READ), null)));
            history.add(new ApiTokenRevoked(ADA_ID, "t0", ADA_ID));
            fixture.given(history)
                    .when(issue("replacement", Set.of(TokenScope.READ), null, null))
                    .expectEvents(issued("replacement", Set.of(TokenScope.READ), null));
        }

        @Test
        void theOwnerRevokesAToken() {
            fixture.given(registered(), issued("t1", Set.of(TokenScope.READ), null))
                    .when(new RevokeApiToken(ADA_ID, ADA, "t1"))
                    .expectEvents(new ApiTokenRevoked(ADA_ID, "t1", ADA_ID));
        }

        @Test
        void anAdminRevokesSomeonesToken() {
            fixture.given(registered(), issued("t1", Set.of(TokenScope.READ), null))
                    .when(new RevokeApiToken(ADA_ID, ADMIN, "t1"))
                    .expectEvents(new ApiTokenRevoked(ADA_ID, "t1", ROOT_ID));
        }

        @Test
        void refusesAnotherMemberRevokingAToken() {
            fixture.given(registered(), issued("t1", Set.of(TokenScope.READ), null))
                    .when(new RevokeApiToken(ADA_ID, GRACE, "t1"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }

        @Test
        void refusesRevokingAnUnknownToken() {
            fixture.given(registered())
                    .when(new RevokeApiToken(ADA_ID, ADA, "nope"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.TOKEN_NOT_FOUND));
        }

        @Test
        void refusesRevokingATokenTwice() {
            fixture.given(
                            registered(),
                            issued("t1", Set.of(TokenScope.READ), null),
                            new ApiTokenRevoked(ADA_ID, "t1", ADA_ID))
                    .when(new RevokeApiToken(ADA_ID, ADA, "t1"))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.TOKEN_NOT_FOUND));
        }
    }

    @Nested
    class GitHub {

        @Test
        void linksAnAccount() {
            fixture.given(registered())
                    .when(new LinkGitHub(ADA_ID, "ada-l", 42))
                    .expectEvents(new GitHubLinked(ADA_ID, "ada-l", 42));
        }

        @Test
        void linkingTheSameLoginAgainChangesNothing() {
            fixture.given(registered(), new GitHubLinked(ADA_ID, "ada-l", 42))
                    .when(new LinkGitHub(ADA_ID, "ada-l", 42))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void linkingAnotherLoginReplacesTheLink() {
            fixture.given(registered(), new GitHubLinked(ADA_ID, "ada-l", 42))
                    .when(new LinkGitHub(ADA_ID, "ada-work", 43))
                    .expectEvents(new GitHubLinked(ADA_ID, "ada-work", 43));
        }

        @Test
        void theOwnerUnlinksNamingTheLoginThatWasLinked() {
            fixture.given(registered(), new GitHubLinked(ADA_ID, "ada-l", 42))
                    .when(new UnlinkGitHub(ADA_ID, ADA))
                    .expectEvents(new GitHubUnlinked(ADA_ID, "ada-l", ADA_ID));
        }

        @Test
        void anAdminUnlinksSomeonesAccount() {
            fixture.given(registered(), new GitHubLinked(ADA_ID, "ada-l", 42))
                    .when(new UnlinkGitHub(ADA_ID, ADMIN))
                    .expectEvents(new GitHubUnlinked(ADA_ID, "ada-l", ROOT_ID));
        }

        @Test
        void unlinkingWhenNothingIsLinkedChangesNothing() {
            fixture.given(
                            registered(),
                            new GitHubLinked(ADA_ID, "ada-l", 42),
                            new GitHubUnlinked(ADA_ID, "ada-l", ADA_ID))
                    .when(new UnlinkGitHub(ADA_ID, ADA))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theSameLoginLinksAgainAfterAnUnlink() {
            fixture.given(
                            registered(),
                            new GitHubLinked(ADA_ID, "ada-l", 42),
                            new GitHubUnlinked(ADA_ID, "ada-l", ADA_ID))
                    .when(new LinkGitHub(ADA_ID, "ada-l", 42))
                    .expectEvents(new GitHubLinked(ADA_ID, "ada-l", 42));
        }

        @Test
        void refusesAnotherMemberUnlinking() {
            fixture.given(registered(), new GitHubLinked(ADA_ID, "ada-l", 42))
                    .when(new UnlinkGitHub(ADA_ID, GRACE))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }
    }

    @Nested
    class Sessions {

        @Test
        void signingOutEverywhereStartsTheFirstEpoch() {
            fixture.given(registered())
                    .when(new SignOutEverywhere(ADA_ID, ADA))
                    .expectEvents(new UserSignedOutEverywhere(ADA_ID, 1, ADA_ID))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void eachSignOutMovesTheEpochOn() {
            fixture.given(registered(), new UserSignedOutEverywhere(ADA_ID, 1, ADA_ID))
                    .when(new SignOutEverywhere(ADA_ID, ADMIN))
                    .expectEvents(new UserSignedOutEverywhere(ADA_ID, 2, ROOT_ID))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void refusesAnotherMemberSigningTheUserOut() {
            fixture.given(registered())
                    .when(new SignOutEverywhere(ADA_ID, GRACE))
                    .expectNoEvents()
                    .expectException(refusedWith(IdentityError.USER_NOT_FOUND));
        }
    }

    @Nested
    class SignInFailures {

        private final Instant t0 = Instant.parse("2030-01-01T10:00:00Z");

        private RecordSignInFailure failure() {
            return new RecordSignInFailure(ADA_ID, SignInMethod.PASSKEY, "bad signature");
        }

        private List<Object> failures(int count) {
            return IntStream.range(0, count).mapToObj(i -> (Object) failure()).toList();
        }

        @ParameterizedTest
        @EnumSource(SignInMethod.class)
        void recordsAFailureForEachMethod(SignInMethod method) {
            fixture.given(registered())
                    .when(new RecordSignInFailure(ADA_ID, method, "nope"))
                    .expectEvents(new SignInFailed(ADA_ID, method, "nope"));
        }

        @Test
        void cutsALongReasonTo200Characters() {
            fixture.given(registered())
                    .when(new RecordSignInFailure(ADA_ID, SignInMethod.EMAIL_LINK, "x".repeat(500)))
                    .expectEvents(new SignInFailed(ADA_ID, SignInMethod.EMAIL_LINK, "x".repeat(200)));
        }

        @Test
        void keepsAMissingReasonMissing() {
            fixture.given(registered())
                    .when(new RecordSignInFailure(ADA_ID, SignInMethod.EMAIL_LINK, null))
                    .expectEvents(new SignInFailed(ADA_ID, SignInMethod.EMAIL_LINK, null));
        }

        @Test
        void recordsTheFifthFailureOfAMinute() {
            fixture.givenCurrentTime(t0)
                    .andGiven(registered())
                    .andGivenCommands(failures(User.FAILURES_RECORDED_PER_MINUTE - 1))
                    .when(failure())
                    .expectEvents(new SignInFailed(ADA_ID, SignInMethod.PASSKEY, "bad signature"));
        }

        @Test
        void recordsNoMoreThanFiveFailuresAMinute() {
            fixture.givenCurrentTime(t0)
                    .andGiven(registered())
                    .andGivenCommands(failures(User.FAILURES_RECORDED_PER_MINUTE))
                    .andGivenCurrentTime(t0.plusSeconds(59))
                    .when(failure())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsAgainOnceTheMinuteHasPassed() {
            fixture.givenCurrentTime(t0)
                    .andGiven(registered())
                    .andGivenCommands(failures(User.FAILURES_RECORDED_PER_MINUTE))
                    .andGivenCurrentTime(t0.plusSeconds(61))
                    .when(failure())
                    .expectEvents(new SignInFailed(ADA_ID, SignInMethod.PASSKEY, "bad signature"));
        }
    }
}
