package dev.orchwiz.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchwiz.NodeClient;
import dev.orchwiz.OrchwizApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** With nothing configured the node brings its own PostgreSQL, keeps its data, and recovers from a killed JVM. */
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
