package dev.orchwiz.projection.account;

import dev.orchwiz.api.WireNamed;
import dev.orchwiz.api.identity.Emails;
import dev.orchwiz.api.identity.NodeIds;
import dev.orchwiz.api.identity.Role;
import dev.orchwiz.api.identity.SignupPolicy;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.query.Account;
import dev.orchwiz.api.identity.query.AccountPage;
import dev.orchwiz.api.identity.query.ApiTokenPage;
import dev.orchwiz.api.identity.query.ApiTokenSummary;
import dev.orchwiz.api.identity.query.CountAdmins;
import dev.orchwiz.api.identity.query.FindAccount;
import dev.orchwiz.api.identity.query.FindAccountByEmail;
import dev.orchwiz.api.identity.query.FindInvitation;
import dev.orchwiz.api.identity.query.FindNodeSettings;
import dev.orchwiz.api.identity.query.Invitation;
import dev.orchwiz.api.identity.query.InvitationPage;
import dev.orchwiz.api.identity.query.ListAccounts;
import dev.orchwiz.api.identity.query.ListApiTokens;
import dev.orchwiz.api.identity.query.ListInvitations;
import dev.orchwiz.api.identity.query.NodeSettings;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers account questions for sign-in, settings and administration. */
@Component
class AccountQueries {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final Invitations invitations;
    private final AdminClaims claims;
    private final NodeSettingsRows settings;

    AccountQueries(
            Accounts accounts,
            ApiTokens tokens,
            Invitations invitations,
            AdminClaims claims,
            NodeSettingsRows settings) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.invitations = invitations;
        this.claims = claims;
        this.settings = settings;
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<Account> handle(FindAccount query) {
        return accounts.findById(query.userId().value()).map(AccountQueries::account);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<Account> handle(FindAccountByEmail query) {
        return accounts.findByEmail(Emails.normalize(query.email())).map(AccountQueries::account);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public AccountPage handle(ListAccounts query) {
        Page<AccountRow> page =
                accounts.findAll(PageRequest.of(query.page(), query.size(), Sort.by("createdAt", "id")));
        return new AccountPage(
                page.map(AccountQueries::account).getContent(),
                query.page(),
                query.size(),
                page.getTotalElements(),
                page.getTotalPages());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Long handle(CountAdmins query) {
        return accounts.countByAdminTrue();
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public ApiTokenPage handle(ListApiTokens query) {
        Page<ApiTokenRow> page = tokens.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(
                query.owner().value(), PageRequest.of(query.page(), query.size()));
        return new ApiTokenPage(
                page.map(row -> new ApiTokenSummary(
                                row.id,
                                row.name,
                                row.prefix,
                                scopes(row.scopes),
                                row.createdAt,
                                row.expiresAt,
                                row.lastUsedAt))
                        .getContent(),
                query.page(),
                query.size(),
                page.getTotalElements(),
                page.getTotalPages());
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public NodeSettings handle(FindNodeSettings query) {
        NodeSettingsRow row = settings.findById(NodeIds.THIS_NODE).orElse(null);
        Set<String> pending =
                claims.findAll().stream().map(claim -> claim.email).collect(Collectors.toCollection(TreeSet::new));
        return new NodeSettings(
                row == null ? SignupPolicy.INVITE : row.signupPolicy, row != null && row.setupComplete, pending);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public Optional<Invitation> handle(FindInvitation query) {
        return invitations.findById(Emails.normalize(query.email())).map(AccountQueries::invitation);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    public InvitationPage handle(ListInvitations query) {
        Page<InvitationRow> page =
                invitations.findAll(PageRequest.of(query.page(), query.size(), Sort.by(Sort.Order.desc("invitedAt"))));
        return new InvitationPage(
                page.map(AccountQueries::invitation).getContent(),
                query.page(),
                query.size(),
                page.getTotalElements(),
                page.getTotalPages());
    }

    private static Account account(AccountRow row) {
        return new Account(
                row.id,
                row.email,
                row.displayName,
                roles(row.admin),
                row.emailVerified,
                row.githubLogin,
                row.passkeys,
                row.sessionEpoch,
                row.createdAt);
    }

    private static Invitation invitation(InvitationRow row) {
        return new Invitation(row.email, row.invitedBy, row.invitedAt);
    }

    /** Every account is a member; an admin is both. */
    static Set<Role> roles(boolean admin) {
        return admin ? EnumSet.of(Role.ADMIN, Role.MEMBER) : EnumSet.of(Role.MEMBER);
    }

    static Set<TokenScope> scopes(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(","))
                .map(name -> WireNamed.fromWire(TokenScope.class, name))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TokenScope.class)));
    }
}
