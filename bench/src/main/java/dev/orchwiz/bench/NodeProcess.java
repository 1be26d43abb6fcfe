package dev.orchwiz.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** The system under test: a fresh database on the local PostgreSQL and a node process on it. */
final class NodeProcess {

    /** Generous: on the shared 2-core VM a node has taken over 150 s to start while other builds ran. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(480);

    private final Process process;
    private final URI url;
    private final Path log;

    private NodeProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    URI url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Starts {@code java -jar node.jar} on the database and waits until {@code /actuator/health} answers 200. */
    static NodeProcess start(Config config, String jdbcUrl, Path log) throws IOException, InterruptedException {
        return launch(config, privateCopy(config, log.getParent()), List.of(), jdbcUrl, log);
    }

    /**
     * The node jar copied into {@code dir} as {@code orchwiz-node-under-test.jar}: a concurrent rebuild of the project
     * must not replace the jar under a running node.
     */
    static Path privateCopy(Config config, Path dir) throws IOException {
        if (!Files.isRegularFile(config.jar())) {
            throw new IllegalStateException(
                    "no node jar at " + config.jar()
                            + "; build it: mvn -B -q install -DskipTests -pl command-side/api,command-side,projections,query-side");
        }
        Files.createDirectories(dir);
        Path copy = dir.resolve("orchwiz-node-under-test.jar");
        Files.copy(config.jar(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /**
     * Starts {@code java <configured options> <extra options> -jar jar} on the database and waits until
     * {@code /actuator/health} answers 200.
     */
    static NodeProcess launch(Config config, Path jar, List<String> extraJvmArgs, String jdbcUrl, Path log)
            throws IOException, InterruptedException {
        int port = config.port() > 0 ? config.port() : freePort();
        Files.createDirectories(log.getParent());
        Process process = spawn(command(config, jar, extraJvmArgs, jdbcUrl, port), log);
        NodeProcess node = new NodeProcess(process, URI.create("http://" + Config.LOOPBACK + ":" + port), log);
        try {
            node.awaitHealthy();
        } catch (RuntimeException | InterruptedException notStarted) {
            // Nobody else holds the process yet: left running, it would outlive the run and load the next one.
            node.stop();
            throw notStarted;
        }
        return node;
    }

    /**
     * Runs {@code java <configured options> <extra options> -jar jar} on the database to its end (a training run that
     * stops by itself) and answers its exit code; killed after the start-up timeout.
     */
    static int runToExit(Config config, Path jar, List<String> extraJvmArgs, String jdbcUrl, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process process = spawn(command(config, jar, extraJvmArgs, jdbcUrl, freePort()), log);
        if (!process.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the run did not end within " + STARTUP_TIMEOUT + "; see " + log);
        }
        return process.exitValue();
    }

    /** Runs a tool of the JDK ({@code java ARGS}) to its end, output to the log, and answers its exit code. */
    static int java(List<String> args, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(args);
        Process process = spawn(command, log);
        if (!process.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(String.join(" ", command) + " did not end; see " + log);
        }
        return process.exitValue();
    }

    private static List<String> command(Config config, Path jar, List<String> extraJvmArgs, String jdbcUrl, int port) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        // The update checker would phone home; the benchmark talks to 127.0.0.1 only.
        command.add("-Daxoniq.update-checker.disabled=true");
        command.addAll(config.nodeJvmArgs());
        command.addAll(extraJvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.port=" + port);
        command.add("--server.address=" + Config.LOOPBACK);
        command.add("--spring.datasource.url=" + jdbcUrl);
        command.add("--spring.datasource.username=" + config.pgUser());
        if (!config.pgPassword().isEmpty()) {
            command.add("--spring.datasource.password=" + config.pgPassword());
        }
        return command;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Process spawn(List<String> command, Path log) throws IOException {
        Files.writeString(log, String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private void awaitHealthy() throws InterruptedException {
        Http http = new Http(url);
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the node exited with " + process.exitValue() + " during startup; see " + log);
            }
            if (http.get("/actuator/health").status() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the node was not healthy within " + STARTUP_TIMEOUT + "; see " + log);
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no graceful stop, whatever was in flight is cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM (graceful shutdown), then SIGKILL if it has not ended within 30 s. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Config.LOOPBACK))) {
            return socket.getLocalPort();
        }
    }

    /** The benchmark's own database on the local PostgreSQL: created fresh, dropped at the end. */
    static final class Database {
        private final Config config;
        private final String name;

        Database(Config config) {
            this(
                    config,
                    config.database() != null
                            ? config.database()
                            : "orchwiz_bench_"
                                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")));
        }

        /** A further database of the run, named by the harness (the replication phase's two nodes). */
        Database(Config config, String name) {
            this.config = config;
            this.name = name;
            if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("database name must match [a-z_][a-z0-9_]*: " + name);
            }
        }

        String name() {
            return name;
        }

        String jdbcUrl() {
            return url(name);
        }

        void create() throws SQLException {
            try (Connection connection = connect(url("postgres"));
                    Statement statement = connection.createStatement()) {
                statement.execute("create database " + name);
            }
        }

        void drop() throws SQLException {
            try (Connection connection = connect(url("postgres"));
                    Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        }

        private String url(String database) {
            return "jdbc:postgresql://" + Config.LOOPBACK + ":" + config.pgPort() + "/" + database;
        }

        Connection connect() throws SQLException {
            return connect(jdbcUrl());
        }

        private Connection connect(String jdbcUrl) throws SQLException {
            return NodeProcess.connect(jdbcUrl, config.pgUser(), config.pgPassword());
        }
    }

    static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "orchwiz-bench");
        return DriverManager.getConnection(jdbcUrl, properties);
    }
}
