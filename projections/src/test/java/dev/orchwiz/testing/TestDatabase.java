package dev.orchwiz.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Gives each Spring test context a fresh, empty PostgreSQL database on one server per JVM: the server named by
 * {@code ORCHWIZ_TEST_DATABASE_URL} if set, else a Testcontainers PostgreSQL when Docker is available, else an
 * embedded PostgreSQL. Databases are dropped when the JVM ends, and ones left by a crashed run are dropped on the
 * next.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String URL_VARIABLE = "ORCHWIZ_TEST_DATABASE_URL";
    private static final String PREFIX = "orchwiz_test_";

    /** A database of the test server. */
    public record Database(String name, String jdbcUrl, String username, String password) {

        /** The datasource, with a small pool: the test context cache keeps several nodes alive on one server. */
        public TestPropertyValues asProperties() {
            return TestPropertyValues.of(
                    "spring.datasource.url=" + jdbcUrl,
                    "spring.datasource.username=" + username,
                    "spring.datasource.password=" + password,
                    "spring.datasource.hikari.maximum-pool-size=8",
                    "spring.datasource.hikari.minimum-idle=1");
        }
    }

    private record Server(String baseUrl, String adminDatabase, String username, String password, String origin) {

        String jdbcUrl(String database) {
            return baseUrl + database;
        }
    }

    private static Server server;
    private static final List<String> created = new ArrayList<>();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        create().asProperties().applyTo(context);
    }

    /** A new, empty database. */
    public static synchronized Database create() {
        Server current = server();
        String name = PREFIX + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        execute(current, "create database " + name);
        created.add(name);
        return new Database(name, current.jdbcUrl(name), current.username(), current.password());
    }

    private static Server server() {
        if (server != null) {
            return server;
        }
        String configured = System.getenv(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            server = parse(configured.trim(), URL_VARIABLE);
        } else if (dockerAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            server = parse(
                    container.getJdbcUrl() + "?user=" + container.getUsername() + "&password="
                            + container.getPassword(),
                    "Testcontainers");
        } else {
            server = embedded();
        }
        dropStaleDatabases(server);
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropCreated, "test-database-cleanup"));
        System.out.println("[TestDatabase] using " + server.origin() + " at " + server.baseUrl());
        return server;
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
            return parse(postgres.getJdbcUrl("postgres", "postgres") + "&password=", "embedded PostgreSQL");
        } catch (IOException failed) {
            throw new IllegalStateException("No test database: set " + URL_VARIABLE + ", or provide Docker", failed);
        }
    }

    /** Accepts {@code jdbc:postgresql://host:port/db?user=…&password=…} or {@code postgresql://user:pass@host/db}. */
    static Server parse(String url, String origin) {
        String user = "postgres";
        String password = "";
        String withoutJdbc = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri = URI.create(withoutJdbc.replaceFirst("^postgres://", "postgresql://"));
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : "";
        }
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] keyValue = pair.split("=", 2);
                String value = keyValue.length > 1 ? keyValue[1] : "";
                switch (keyValue[0].toLowerCase(Locale.ROOT)) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> {}
                }
            }
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String admin = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        return new Server("jdbc:postgresql://" + uri.getHost() + ":" + port + "/", admin, user, password, origin);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    /** Databases of runs that crashed before cleaning up, an hour old or more. */
    private static void dropStaleDatabases(Server current) {
        long cutoff = Instant.now().minus(1, ChronoUnit.HOURS).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Connection connection = connect(current);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select datname from pg_database where datname like '" + PREFIX + "%'")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String[] parts = name.substring(PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < cutoff) {
                    stale.add(name);
                }
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Cannot list test databases on " + current.baseUrl(), failed);
        }
        stale.forEach(name -> execute(current, "drop database if exists " + name + " with (force)"));
    }

    private static synchronized void dropCreated() {
        for (String name : created) {
            try {
                execute(server, "drop database if exists " + name + " with (force)");
            } catch (RuntimeException alreadyGone) {
                // the server may have stopped first; the next run removes leftovers
            }
        }
        created.clear();
    }

    private static void execute(Server current, String sql) {
        try (Connection connection = connect(current);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failed) {
            throw new IllegalStateException("Test database statement failed: " + sql, failed);
        }
    }

    private static Connection connect(Server current) throws SQLException {
        return DriverManager.getConnection(
                current.jdbcUrl(current.adminDatabase()), current.username(), current.password());
    }
}
