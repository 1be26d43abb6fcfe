package dev.orchwiz.command.execution;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node process's name as a runner of tool calls, and its proof of life: a heartbeat row the process refreshes.
 * Runs carry the runner's name, so when a process dies mid-run (a crash, a kill, a lost host) any node can see its
 * heartbeat stop and finish the run it abandoned.
 */
@Component
public class RunnerHeartbeat {

    private static final Logger log = LoggerFactory.getLogger(RunnerHeartbeat.class);

    private final JdbcTemplate jdbc;
    private final String id;
    private final String host;
    private final Instant startedAt = Instant.now();
    private final Duration staleAfter;

    RunnerHeartbeat(JdbcTemplate jdbc, @Value("${orchwiz.execution.runner-stale-after:PT1M}") Duration staleAfter) {
        this.jdbc = jdbc;
        this.staleAfter = staleAfter;
        this.host = hostName();
        this.id = host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The name runs started by this process carry. */
    public String id() {
        return id;
    }

    Duration staleAfter() {
        return staleAfter;
    }

    @Scheduled(fixedDelayString = "${orchwiz.execution.runner-heartbeat:PT10S}")
    void beat() {
        try {
            jdbc.update("""
                    insert into tool_call_runner (id, host, started_at, heartbeat_at) values (?, ?, ?, now())
                    on conflict (id) do update set heartbeat_at = now()
                    """, id, host, Timestamp.from(startedAt));
            // Rows of processes gone for a day only make the live set bigger to read.
            jdbc.update("delete from tool_call_runner where heartbeat_at < now() - interval '1 day'");
        } catch (RuntimeException unavailable) {
            log.debug("runner heartbeat not written: {}", unavailable.getMessage());
        }
    }

    /** Runners that beat within the stale window, this one always included. */
    Set<String> live() {
        Set<String> live = new java.util.HashSet<>(jdbc.queryForList(
                "select id from tool_call_runner where heartbeat_at > now() - make_interval(secs => ?)",
                String.class,
                (double) staleAfter.toMillis() / 1000));
        live.add(id);
        return live;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "unknown-host";
        }
    }
}
