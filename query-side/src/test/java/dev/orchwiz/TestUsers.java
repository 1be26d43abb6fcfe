package dev.orchwiz;

import dev.orchwiz.api.id.UserId;
import dev.orchwiz.api.identity.Actor;
import dev.orchwiz.api.identity.Role;
import dev.orchwiz.api.identity.TokenScope;
import dev.orchwiz.api.identity.command.IssueApiToken;
import dev.orchwiz.api.identity.command.RegisterUser;
import dev.orchwiz.api.identity.query.Account;
import dev.orchwiz.api.identity.query.FindAccountByEmail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.ApplicationContext;

/** Provisions users and API tokens for tests through the same commands the node uses. */
public final class TestUsers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestUsers() {}

    /** The user's id, registering the address first if it has no account yet. */
    public static String user(ApplicationContext context, String email, boolean admin) {
        QueryGateway queries = context.getBean(QueryGateway.class);
        return queries.query(new FindAccountByEmail(email), ResponseTypes.optionalInstanceOf(Account.class))
                .join()
                .map(Account::id)
                .orElseGet(() -> {
                    String id = UUID.randomUUID().toString();
                    Set<Role> roles = admin ? EnumSet.of(Role.ADMIN) : EnumSet.of(Role.MEMBER);
                    context.getBean(CommandGateway.class)
                            .sendAndWait(new RegisterUser(UserId.of(id), email, email.split("@")[0], roles));
                    return id;
                });
    }

    private static final java.util.Map<String, String> ISSUED = new java.util.concurrent.ConcurrentHashMap<>();

    /** A plaintext API token for the address (a member, or an admin with every scope), one per context and user. */
    public static String token(ApplicationContext context, String email, boolean admin) {
        Set<TokenScope> scopes =
                admin ? EnumSet.allOf(TokenScope.class) : EnumSet.of(TokenScope.READ, TokenScope.WRITE);
        String key = System.identityHashCode(context) + "/" + email + "/" + admin;
        return ISSUED.computeIfAbsent(key, unused -> token(context, email, admin, scopes));
    }

    public static String token(ApplicationContext context, String email, boolean admin, Set<TokenScope> scopes) {
        String userId = user(context, email, admin);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "owz_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        context.getBean(CommandGateway.class)
                .sendAndWait(new IssueApiToken(
                        UserId.of(userId),
                        new Actor(UserId.of(userId), admin),
                        UUID.randomUUID().toString(),
                        "test",
                        scopes,
                        null,
                        token.substring(0, 12),
                        sha256(token),
                        null));
        return token;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
