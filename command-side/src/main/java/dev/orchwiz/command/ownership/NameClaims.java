package dev.orchwiz.command.ownership;

import dev.orchwiz.api.id.UserId;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Names unique per owner across aggregates (slash commands, subagents, permission policies, hooks): a claim is a row written in the command's own
 * transaction, so two concurrent claims of one name cannot both commit and a refused command leaves nothing behind.
 */
public final class NameClaims {

    private final JdbcTemplate jdbc;
    private final String claim;
    private final String release;
    private final String releaseHeld;
    private final String claimed;

    /** {@code table} has the columns {@code owner_id}, {@code name} and {@code idColumn}; the names are ours, never input. */
    public NameClaims(JdbcTemplate jdbc, String table, String idColumn) {
        this.jdbc = jdbc;
        this.claim =
                "insert into " + table + " (owner_id, name, " + idColumn + ") values (?, ?, ?) on conflict do nothing";
        this.release = "delete from " + table + " where owner_id = ? and name = ?";
        this.releaseHeld = release + " and " + idColumn + " = ?";
        this.claimed = "select exists (select 1 from " + table + " where owner_id = ? and name = ?)";
    }

    /** True when the name was free and is now the holder's. */
    public boolean claim(UserId owner, String name, UUID holder) {
        return jdbc.update(claim, owner.value(), name, holder) > 0;
    }

    public void release(UserId owner, String name) {
        jdbc.update(release, owner.value(), name);
    }

    /** Releases the name only if this holder has it: rows written before names were claimed may share a name. */
    public void release(UserId owner, String name, UUID holder) {
        jdbc.update(releaseHeld, owner.value(), name, holder);
    }

    /** Whether the owner holds the name; read in the caller's transaction, so it sees claims made earlier in it. */
    public boolean isClaimed(UserId owner, String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject(claimed, Boolean.class, owner.value(), name));
    }
}
