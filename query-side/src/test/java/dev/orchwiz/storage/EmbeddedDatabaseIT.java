package dev.orchwiz.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orchwiz.NodeClient;
import dev.orchwiz.OrchwizApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With nothing configured the node brings its own PostgreSQL, keeps its data (and everything else) in its home, stops
 * cleanly, and recovers from a killed JVM.
 */
class EmbeddedDatabaseIT {

    @TempDir
    Path home;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private ConfigurableApplicationContext startWithoutDatabase(int dbPort) {
        return new SpringApplicationBuilder(OrchwizApplication.class)
                .run("--server.port=0", "--orchwiz.home=" + home, "--orchwiz.embedded-db.port=" + dbPort);
    }

    @Test
    void startsOnItsOwnDatabaseAndKeepsDataAcrossRestarts() throws IOException {
        int dbPort = freePort();
        String id;
        try (ConfigurableApplicationContext node = startWithoutDatabase(dbPort)) {
            NodeClient client = new NodeClient(
                            ((WebServerApplicationContext) node).getWebServer().getPort())
                    .withToken(dev.orchwiz.TestUsers.token(node, "ops@example.com", true));
            id = client.post("/api/sessions", "{\"title\":\"kept\"}")
                    .json()
                    .get("id")
                    .asString();
            assertThat(client.get("/api/sessions/" + id + "?minVersion=0").status())
                    .isEqualTo(200);
        }
        assertThat(home.resolve("pg/PG_VERSION")).exists();

        try (ConfigurableApplicationContext node = startWithoutDatabase(dbPort)) {
            NodeClient client = new NodeClient(
                            ((WebServerApplicationContext) node).getWebServer().getPort())
                    .withToken(dev.orchwiz.TestUsers.token(node, "ops@example.com", true));
            assertThat(client.get("/api/sessions/" + id).json().get("title").asString())
                    .isEqualTo("kept");
        }
    }

    @Test
    void aNodeWithAnEmptyDatabaseUrlKeepsEverythingInItsHomeAndStopsWithoutAnError() throws Exception {
        // given a node started as a compose file would start it: DATABASE_URL set but empty, only ORCHWIZ_HOME set
        int httpPort = freePort();
        Path log = home.resolveSibling(home.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrchwizApplication.class.getName(),
                        "--server.port=" + httpPort,
                        "--orchwiz.embedded-db.port=" + freePort())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ORCHWIZ_") || name.startsWith("SPRING_"));
        builder.environment().put("DATABASE_URL", "");
        builder.environment().put("ORCHWIZ_HOME", home.toString());
        Process node = builder.start();
        try {
            awaitHealthy(node, httpPort, log);

            // then the database, the workspace and the node's key all live in ORCHWIZ_HOME
            assertThat(home.resolve("pg/PG_VERSION")).exists();
            assertThat(home.resolve("workspace")).isDirectory();
            assertThat(home.resolve("keys/node.key")).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("keys/node.key"))))
                    .isEqualTo("rw-------");
            long postmasterPid = Long.parseLong(
                    Files.readAllLines(home.resolve("pg/postmaster.pid")).get(0).trim());

            // when it is stopped as a service manager stops it (SIGTERM)
            node.destroy();
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();

            // then it stopped its database after itself (the pool closed first), and nothing saw the database go
            String output = Files.readString(log);
            List<String> lines = output.lines().toList();
            assertThat(lines).anyMatch(line -> line.contains("Graceful shutdown complete"));
            assertThat(indexOf(lines, "orchwiz-embedded - Shutdown completed"))
                    .as(output)
                    .isLessThan(indexOf(lines, "shut down postmaster"));
            assertThat(lines)
                    .as(output)
                    .noneMatch(line -> line.matches(".*\\bERROR\\b.*")
                            || line.contains("57P01")
                            || line.contains("terminating connection due to administrator command"));
            // (pg_ctl returns once the pid file is gone; the process itself ends a moment later)
            await().atMost(Duration.ofSeconds(20)).until(() -> !ProcessHandle.of(postmasterPid)
                    .map(ProcessHandle::isAlive)
                    .orElse(false));
        } finally {
            node.destroyForcibly();
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text + " in the log");
    }

    private static void awaitHealthy(Process node, int port, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    if (!node.isAlive()) {
                        throw new AssertionError("the node exited: " + Files.readString(log));
                    }
                    try {
                        return http.send(health, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    @Test
    void stopsAPostmasterOrphanedByAKilledNodeBeforeStartingAgain() throws Exception {
        // given a postmaster left behind by a JVM that died without shutting it down (as with kill -9)
        Path data = home.resolve("pg");
        int port = freePort();
        Process dying = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphaningNode.class.getName(),
                        data.toString(),
                        Integer.toString(port))
                .inheritIO()
                .start();
        assertThat(dying.waitFor()).isEqualTo(OrphaningNode.HALTED);
        long orphanPid = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(orphanPid).orElseThrow();
        assertThat(postmaster.isAlive()).isTrue();

        // when a node starts again on the same directory and port
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(OrchwizApplication.class)
                .run("--server.port=0", "--orchwiz.home=" + home, "--orchwiz.embedded-db.port=" + port)) {

            // then the orphan was stopped, and the new database kept what the old one held
            assertThat(postmaster.isAlive()).isFalse();
            NodeClient client = new NodeClient(
                            ((WebServerApplicationContext) node).getWebServer().getPort())
                    .withToken(dev.orchwiz.TestUsers.token(node, "ops@example.com", true));
            assertThat(client.get("/api/sessions").status()).isEqualTo(200);
            try (Connection connection = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
                assertThat(connection
                                .createStatement()
                                .executeQuery("select count(*) from keep.survivor")
                                .next())
                        .isTrue();
            }
        }
    }

    @Test
    void refusesToTouchTheDatabaseOfANodeThatIsStillRunning() throws Exception {
        // given a live node's database (its JVM holds the data directory's lock)
        Path data = home.resolve("pg");
        Files.createDirectories(data);
        try (EmbeddedPostgres live = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(freePort())
                .start()) {
            long pid = Long.parseLong(
                    Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());

            // when a second node tries to start on the same directory
            assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.stopOrphanedPostmaster(data))
                    .isInstanceOf(EmbeddedDatabaseConfiguration.DataDirectoryInUse.class)
                    .hasMessageContaining("ORCHWIZ_HOME");

            // then the live node's database keeps running
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
            try (Connection connection = live.getPostgresDatabase().getConnection()) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    /** Starts an embedded PostgreSQL, writes to it, and halts the JVM without letting it stop the database. */
    public static final class OrphaningNode {

        static final int HALTED = 42;

        public static void main(String[] args) throws Exception {
            Path data = Path.of(args[0]);
            Files.createDirectories(data);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(Integer.parseInt(args[1]))
                    .start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create schema keep; create table keep.survivor (id int)");
            }
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
