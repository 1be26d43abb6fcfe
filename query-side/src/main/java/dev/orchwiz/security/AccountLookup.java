package dev.orchwiz.security;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.query.Account;
import dev.orchwiz.api.identity.query.FindAccount;
import dev.orchwiz.api.identity.query.FindAccountByEmail;
import dev.orchwiz.api.identity.query.FindNodeSettings;
import dev.orchwiz.api.identity.query.NodeSettings;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Account look-ups sign-in needs, through the query bus like every other read. */
@Component
class AccountLookup {

    private final QueryGateway queries;

    AccountLookup(QueryGateway queries) {
        this.queries = queries;
    }

    Optional<Account> byEmail(String email) {
        return queries.query(new FindAccountByEmail(email), ResponseTypes.optionalInstanceOf(Account.class))
                .join();
    }

    Optional<Account> byId(String userId) {
        return queries.query(new FindAccount(UserId.of(userId)), ResponseTypes.optionalInstanceOf(Account.class))
                .join();
    }

    NodeSettings nodeSettings() {
        return queries.query(new FindNodeSettings(), NodeSettings.class).join();
    }
}
