package dev.orchwiz;

import dev.orchwiz.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole nodes started inside the test JVM on a given database, for tests about restarts and several nodes. */
public final class TestNodes {

    private TestNodes() {}

    /** A node on a free port; {@code settings} are further command-line properties ({@code --name=value}). */
    public static ConfigurableApplicationContext start(TestDatabase.Database database, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password()));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(OrchwizApplication.class).run(arguments.toArray(String[]::new));
    }

    /** The port the node listens on. */
    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** A client of the node, signed in with an API token of the given account. */
    public static NodeClient client(ConfigurableApplicationContext node, String email, boolean admin) {
        return new NodeClient(port(node)).withToken(TestUsers.token(node, email, admin));
    }
}
