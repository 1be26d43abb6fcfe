package dev.orchwiz.query.identity;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.query.ApiTokenPage;
import dev.orchwiz.api.identity.query.ListApiTokens;
import dev.orchwiz.query.Reads;
import dev.orchwiz.security.ActingUser;
import dev.orchwiz.web.PageParameters;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own API tokens: names, prefixes, scopes and dates, never a token or its hash. */
@RestController
@RequestMapping("/api/me/tokens")
class ApiTokenQueryController {

    private final Reads reads;

    ApiTokenQueryController(Reads reads) {
        this.reads = reads;
    }

    @GetMapping
    ApiTokenPage list(HttpServletRequest request, PageParameters paging) {
        ActingUser acting = ActingUser.required(request);
        return reads.ask(
                new ListApiTokens(UserId.of(acting.account().id()), paging.page(), paging.size()), ApiTokenPage.class);
    }
}
