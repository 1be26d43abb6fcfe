package dev.orchwiz;

import static org.awaitility.Awaitility.await;

import dev.orchwiz.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A node as a real child process ({@code java -jar orchwiz-node.jar}), for tests that must kill it the way an operator's
 * {@code kill -9} or a crash does: no shutdown hook, no graceful stop, nothing in flight finished. The jar is the one
 * {@code package} repackages before failsafe's {@code integration-test} phase ({@code orchwiz.test.node-jar}, set by
 * the pom); each start runs a private copy, so a rebuild cannot replace it under a running node.
 */
public final class ChildNode implements AutoCloseable {

    /** Generous: on the shared 2-core machine a node has taken well over a minute to start under load. */
    private static final Duration STARTUP = Duration.ofSeconds(240);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ChildNode(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        // A test JVM that dies must not leave a node behind that keeps a port and a database busy.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    /** The repackaged node jar, or a failure that says how to get it. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("orchwiz.test.node-jar", "target/orchwiz-node.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No node jar at " + jar.toAbsolutePath()
                    + ": this test starts the node as a process from the jar that the package phase repackages."
                    + " Run it through the lifecycle (mvn -pl query-side verify -Dit.test=...), not failsafe alone,"
                    + " and without -Dspring-boot.repackage.skip.");
        }
        return jar;
    }

    /**
     * Starts a node on {@code database} with its own {@code home} (the node key that decrypts its signing key lives
     * there: restart it with the same one) and waits until {@code /actuator/health} answers 200. {@code settings} are
     * further command-line properties ({@code --name=value}); the process's output goes to {@code home/node-<n>.log}.
     */
    public static ChildNode start(TestDatabase.Database database, Path home, String... settings) {
        try {
            Files.createDirectories(home);
            Path copy = home.resolve("orchwiz-node-under-test.jar");
            Files.copy(jar(), copy, StandardCopyOption.REPLACE_EXISTING);
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC",
                    "-Xmx192m",
                    // C1 only: a test node lives for a minute, so JIT time spent on peak speed is never paid back.
                    "-XX:TieredStopAtLevel=1",
                    "-Daxoniq.update-checker.disabled=true",
                    "-jar",
                    copy.toString(),
                    "--server.port=" + port,
                    "--server.address=127.0.0.1",
                    "--orchwiz.home=" + home.toAbsolutePath(),
                    "--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.datasource.password=" + database.password(),
                    "--spring.datasource.hikari.maximum-pool-size=6"));
            command.addAll(List.of(settings));
            Path log = home.resolve("node-" + System.nanoTime() + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ChildNode node = new ChildNode(process, port, log);
            try {
                node.awaitHealthy();
            } catch (RuntimeException notStarted) {
                node.close();
                throw notStarted;
            }
            return node;
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    public int port() {
        return port;
    }

    /** What the node wrote so far (its last lines), for a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    /** SIGKILL, as {@code kill -9}; answers the exit status (137 on Linux: 128 + signal 9). */
    public int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the node did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
        return process.exitValue();
    }

    /** SIGTERM (a graceful stop), then SIGKILL if it has not ended within 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitHealthy() {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            await().atMost(STARTUP)
                    .pollInterval(Duration.ofMillis(250))
                    .failFast("the node exited while starting", () -> !process.isAlive())
                    .until(() -> healthy(health));
        } catch (ConditionTimeoutException | TerminalFailureException failed) {
            throw new IllegalStateException(failed.getMessage() + "; its log ends:\n" + logTail(), failed);
        }
    }

    private static boolean healthy(HttpRequest health) throws InterruptedException {
        try {
            return HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
