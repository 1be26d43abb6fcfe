package dev.orchwiz.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchwiz.NodeClient;
import dev.orchwiz.NodeClient.Reply;
import dev.orchwiz.testing.TestDatabase;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.test.context.ContextConfiguration;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description a client or Swagger UI reads: what the API is, its contexts and how to sign in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class ApiDescriptionIT {

    /** The context names of docs/architecture.md; written out here so a renamed tag fails instead of following. */
    private static final Set<String> CONTEXTS = Set.of(
            "sessions",
            "runs",
            "tool-calls",
            "permissions",
            "hooks",
            "forwarding",
            "slash-commands",
            "subagents",
            "identity",
            "nodes",
            "events",
            "operations");

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @LocalServerPort
    int port;

    @Autowired
    CookieSerializer sessionCookies;

    JsonNode api;

    @BeforeEach
    void readTheDescription() {
        // Anonymous on purpose: a client must be able to read how to authenticate before it can.
        Reply docs = new NodeClient(port).get("/v3/api-docs");
        assertThat(docs.status()).as(docs.raw()).isEqualTo(200);
        api = docs.json();
    }

    @Test
    void saysWhatTheApiIsAndWhichReleaseItDescribes() throws Exception {
        JsonNode info = api.path("info");

        assertThat(info.path("title").asString()).isEqualTo("OrchWiz API");
        assertThat(info.path("version").asString()).isEqualTo(projectVersion());
        assertThat(info.path("description").asString())
                .contains("coding agents", "tool call", "Authorization: Bearer", "application/problem+json");
    }

    @Test
    void filesEveryOperationUnderExactlyOneKnownContext() {
        List<String> misfiled = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                List<String> tags = new ArrayList<>();
                operation.getValue().path("tags").forEach(tag -> tags.add(tag.asString()));
                if (tags.size() != 1 || !CONTEXTS.contains(tags.get(0))) {
                    misfiled.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + tags);
                } else {
                    used.add(tags.get(0));
                }
            }
        }

        assertThat(operations).as("operations described").isGreaterThan(80);
        assertThat(misfiled).as("operations without exactly one context tag").isEmpty();
        assertThat(used).as("every context has endpoints").isEqualTo(new TreeSet<>(CONTEXTS));
        List<String> declared = new ArrayList<>();
        api.path("tags").forEach(tag -> {
            declared.add(tag.path("name").asString());
            assertThat(tag.path("description").asString()).as(tag.toString()).isNotBlank();
        });
        assertThat(declared).containsExactlyInAnyOrderElementsOf(CONTEXTS);
    }

    @Test
    void listsDescribePageAndSizeWithTheirEndpointsDefaults() {
        assertThat(queryParameters("/api/sessions")).containsEntry("page", "0").containsEntry("size", "20");
        assertThat(queryParameters("/api/sessions/{id}/interactions")).containsEntry("size", "50");
        // The argument that carries both is no parameter of its own.
        assertThat(queryParameters("/api/sessions")).doesNotContainKey("paging");
    }

    @Test
    void writesThatTakeAVersionDescribeIfMatchAsAnOptionalHeader() {
        JsonNode parameters =
                api.path("paths").path("/api/slash-commands/{id}").path("patch").path("parameters");
        List<String> described = new ArrayList<>();
        parameters.forEach(parameter -> described.add(
                parameter.path("in").asString() + " " + parameter.path("name").asString()
                        + (parameter.path("required").asBoolean() ? " required" : "")));
        assertThat(described).contains("header If-Match").doesNotContain("query expected");
    }

    /** Each query parameter of a GET, with its default value (empty when it has none). */
    private java.util.Map<String, String> queryParameters(String path) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        for (JsonNode parameter : api.path("paths").path(path).path("get").path("parameters")) {
            if ("query".equals(parameter.path("in").asString())) {
                found.put(
                        parameter.path("name").asString(),
                        parameter.path("schema").path("default").asString());
            }
        }
        return found;
    }

    @Test
    void marksTheRenamedPathsDeprecatedAndOnlyThem() {
        assertThat(api.path("paths")
                        .path("/api/executions")
                        .path("get")
                        .path("deprecated")
                        .asBoolean())
                .isTrue();
        assertThat(api.path("paths")
                        .path("/api/approvals/{id}")
                        .path("post")
                        .path("deprecated")
                        .asBoolean())
                .isTrue();
        assertThat(api.path("paths").path("/api/tool-calls").path("get").has("deprecated"))
                .isFalse();
        assertThat(api.path("paths")
                        .path("/api/tool-calls/{id}/decision")
                        .path("post")
                        .has("deprecated"))
                .isFalse();
        // The seed's path for slash commands is not renamed: it stays, undeprecated, beside the canonical one.
        assertThat(api.path("paths").path("/api/commands").path("get").has("deprecated"))
                .isFalse();
    }

    @Test
    void aliasesAndNestedPathsBelongToTheContextThatOwnsThem() {
        String owners = """
                get /api/approvals tool-calls
                get /api/executions/{id}/output tool-calls
                get /api/tool-calls/{id}/deliveries tool-calls
                post /api/commands/{id}/execute slash-commands
                get /api/permission-policies/{slug} permissions
                post /api/me/tokens identity
                get /api/admin/users identity
                get /api/auth/state identity
                post /api/admin/invitations nodes
                post /api/auth/claim-admin nodes
                post /api/admin/projections/{name}/rebuild operations
                get /api/events/stream events
                """;
        owners.lines().map(line -> line.split(" ")).forEach(owner -> {
            JsonNode operation = api.path("paths").path(owner[1]).path(owner[0]);
            assertThat(operation.isMissingNode())
                    .as(owner[0] + " " + owner[1] + " is described")
                    .isFalse();
            assertThat(operation.path("tags").path(0).asString()).as(owner[1]).isEqualTo(owner[2]);
        });
    }

    @Test
    void declaresTheTokenAndTheCookieTheNodeReallyAccepts() {
        JsonNode schemes = api.path("components").path("securitySchemes");

        JsonNode bearer = schemes.path("bearerToken");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        JsonNode cookie = schemes.path("sessionCookie");
        assertThat(cookie.path("type").asString()).isEqualTo("apiKey");
        assertThat(cookie.path("in").asString()).isEqualTo("cookie");
        assertThat(cookie.path("name").asString()).isEqualTo(sessionCookieName());
    }

    @Test
    void everyProtectedOperationTakesEitherSchemeAndSignInTakesNone() {
        List<String> requirements = new ArrayList<>();
        api.path("security").forEach(requirement -> requirements.add(String.join("+", requirement.propertyNames())));
        assertThat(requirements).containsExactlyInAnyOrder("bearerToken", "sessionCookie");

        assertThat(api.path("paths").path("/api/sessions").path("get").has("security"))
                .as("inherits the document's requirement")
                .isFalse();
        JsonNode signIn = api.path("paths").path("/api/auth/email-link").path("post");
        assertThat(signIn.path("security").isArray()).isTrue();
        assertThat(signIn.path("security").size()).isZero();
    }

    @Test
    void swaggerUiSendsTheCsrfTokenWithWrites() {
        Reply initializer = new NodeClient(port).get("/swagger-ui/swagger-initializer.js");

        assertThat(initializer.status()).as(initializer.raw()).isEqualTo(200);
        assertThat(initializer.raw()).contains("requestInterceptor", "XSRF-TOKEN", "X-XSRF-TOKEN");
    }

    /** The name Spring Session really gives the browser's cookie, read from the serializer that writes it. */
    private String sessionCookieName() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();
        sessionCookies.writeCookieValue(new CookieSerializer.CookieValue(request, response, "x"));
        String setCookie = response.getHeader("Set-Cookie");
        assertThat(setCookie).isNotNull();
        return setCookie.substring(0, setCookie.indexOf('='));
    }

    /** The version Maven builds: the module inherits its parent's. */
    private static String projectVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new File("pom.xml"))
                .getDocumentElement();
        Element parent = (Element) project.getElementsByTagName("parent").item(0);
        return parent.getElementsByTagName("version").item(0).getTextContent().trim();
    }
}
