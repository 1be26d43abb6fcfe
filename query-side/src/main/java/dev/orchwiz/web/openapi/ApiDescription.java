package dev.orchwiz.web.openapi;

import dev.orchwiz.web.RenamedPaths;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says what the API is, files every operation under its context's tag and declares both ways to authenticate, so
 * Swagger UI's "Authorize" works with an API token and a signed-in browser's cookie alike.
 *
 * <p>A path under no known prefix keeps springdoc's controller-named tag; {@code ApiDescriptionIT} fails on it, which
 * is the reminder to give a new context its entry in {@link ApiContext}.
 */
@Component
class ApiDescription implements OpenApiCustomizer {

    static final String BEARER_TOKEN = "bearerToken";
    static final String SESSION_COOKIE = "sessionCookie";

    /** Sign-in itself: the filter chain lets these through without a session or token. */
    private static final String PUBLIC_PREFIX = "/api/auth/";

    private static final String DESCRIPTION = """
            The HTTP API of an OrchWiz node, a command deck for coding agents. It records agent sessions and every \
            tool call an agent asks to make: each call is checked against permission rules and policies, may wait \
            for a person's approval, runs in a sandbox on the node and calls the configured webhooks before and \
            after. Slash commands, subagents and hooks are configured here too, and every change is an event that \
            `/api/events/stream` sends as it commits.

            A session write answers with the session's new version (also its `ETag`, and `If-Match` takes it back); \
            `GET /api/sessions/{id}?minVersion=n` waits briefly until the read model has that version. A tool-call \
            write answers with the call as it then stands. Errors are `application/problem+json` with a stable \
            `code`.

            Authenticate with an API token (`Authorization: Bearer owz_…`, made under `/api/me/tokens`, scoped \
            read, write or admin) or with the session cookie a browser gets when it signs in; a write on the \
            cookie needs the `X-XSRF-TOKEN` header set to the `XSRF-TOKEN` cookie.""";

    private final String version;
    private final String sessionCookieName;

    ApiDescription(Environment environment) {
        this.version = environment.getRequiredProperty("orchwiz.version");
        // Spring Session names its cookie SESSION unless this property says otherwise.
        this.sessionCookieName = environment.getProperty("server.servlet.session.cookie.name", "SESSION");
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("OrchWiz API").version(version).description(DESCRIPTION));
        api.tags(Arrays.stream(ApiContext.values())
                .map(context -> new Tag().name(context.tag).description(context.description))
                .toList());
        api.schemaRequirement(
                        BEARER_TOKEN,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("An API token (owz_…) from POST /api/me/tokens."))
                .schemaRequirement(
                        SESSION_COOKIE,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE)
                                .name(sessionCookieName)
                                .description("The browser session from signing in with a passkey or an email link."));
        // Either scheme authenticates a request: two requirements, not one with both.
        api.security(List.of(
                new SecurityRequirement().addList(BEARER_TOKEN), new SecurityRequirement().addList(SESSION_COOKIE)));
        if (api.getPaths() != null) {
            api.getPaths().forEach(this::describe);
        }
    }

    private void describe(String path, PathItem item) {
        for (Operation operation : item.readOperations()) {
            ApiContext.of(path).ifPresent(context -> operation.setTags(new ArrayList<>(List.of(context.tag))));
            if (path.startsWith(PUBLIC_PREFIX)) {
                // An empty list overrides the document's requirement: no credentials needed.
                operation.setSecurity(new ArrayList<>());
            }
            if (RenamedPaths.isRenamed(path)) {
                operation.setDeprecated(true);
            }
        }
    }
}
