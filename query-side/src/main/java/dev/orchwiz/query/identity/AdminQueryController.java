package dev.orchwiz.query.identity;

import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.IdentityError;
import dev.orchwiz.api.identity.query.AccountPage;
import dev.orchwiz.api.identity.query.AccountView;
import dev.orchwiz.api.identity.query.FindNodeSettings;
import dev.orchwiz.api.identity.query.InvitationPage;
import dev.orchwiz.api.identity.query.ListAccounts;
import dev.orchwiz.api.identity.query.ListInvitations;
import dev.orchwiz.api.identity.query.NodeSettings;
import dev.orchwiz.query.Reads;
import dev.orchwiz.web.PageParameters;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users, the sign-up policy and invitations, for admins. Non-admins are told these endpoints do not exist. */
@RestController
@RequestMapping("/api/admin")
class AdminQueryController {

    private final Reads reads;

    AdminQueryController(Reads reads) {
        this.reads = reads;
    }

    record AccountViewPage(List<AccountView> items, int page, int size, long totalItems, int totalPages) {}

    @GetMapping("/users")
    AccountViewPage users(Actor actor, PageParameters paging) {
        assertAdmin(actor);
        AccountPage accounts = reads.ask(new ListAccounts(paging.page(), paging.size()), AccountPage.class);
        return new AccountViewPage(
                accounts.items().stream().map(AccountView::of).toList(),
                paging.page(),
                paging.size(),
                accounts.totalItems(),
                accounts.totalPages());
    }

    @GetMapping("/signup-policy")
    Map<String, String> policy(Actor actor) {
        assertAdmin(actor);
        NodeSettings settings = reads.ask(new FindNodeSettings(), NodeSettings.class);
        return Map.of("policy", settings.signupPolicy().wireName());
    }

    @GetMapping("/invitations")
    InvitationPage invitations(Actor actor, PageParameters paging) {
        assertAdmin(actor);
        return reads.ask(new ListInvitations(paging.page(), paging.size()), InvitationPage.class);
    }

    private static void assertAdmin(Actor actor) {
        if (!actor.admin()) {
            throw Reads.missing(IdentityError.USER_NOT_FOUND, "Not found");
        }
    }
}
