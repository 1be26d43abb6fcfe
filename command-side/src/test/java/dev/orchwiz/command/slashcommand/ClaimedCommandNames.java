package dev.orchwiz.command.slashcommand;

import dev.orchwiz.api.id.SlashCommandId;
import dev.orchwiz.api.id.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code slash_command_name} table kept in memory, with the same answers as its constraints: one holder per owner
 * and name, and one name per command. The command side's unit tests have no database driver, so this stands in for
 * PostgreSQL behind the real {@link SlashCommandNaming}; it refuses any statement it does not know, so a changed query
 * fails the tests instead of passing silently.
 */
final class ClaimedCommandNames extends JdbcTemplate {

    private record Claim(String owner, String name, UUID command) {}

    private final List<Claim> claims = new ArrayList<>();

    ClaimedCommandNames holding(UserId owner, String name, SlashCommandId command) {
        claims.add(new Claim(owner.value(), name, command.value()));
        return this;
    }

    boolean holds(UserId owner, String name) {
        return claims.stream()
                .anyMatch(claim ->
                        claim.owner().equals(owner.value()) && claim.name().equals(name));
    }

    boolean holds(UserId owner, String name, SlashCommandId command) {
        return claims.contains(new Claim(owner.value(), name, command.value()));
    }

    @Override
    public int update(String sql, Object... args) {
        if (sql.equals("insert into slash_command_name (owner_id, name, command_id) values (?, ?, ?)"
                + " on conflict do nothing")) {
            Claim claim = new Claim((String) args[0], (String) args[1], (UUID) args[2]);
            boolean conflict = claims.stream()
                    .anyMatch(held ->
                            (held.owner().equals(claim.owner()) && held.name().equals(claim.name()))
                                    || held.command().equals(claim.command()));
            if (conflict) {
                return 0;
            }
            claims.add(claim);
            return 1;
        }
        if (sql.equals("delete from slash_command_name where owner_id = ? and name = ?")) {
            return remove(args[0], args[1], null);
        }
        if (sql.equals("delete from slash_command_name where owner_id = ? and name = ? and command_id = ?")) {
            return remove(args[0], args[1], args[2]);
        }
        throw new IllegalStateException("The in-memory name table does not know: " + sql);
    }

    private int remove(Object owner, Object name, Object command) {
        int before = claims.size();
        claims.removeIf(claim -> claim.owner().equals(owner)
                && claim.name().equals(name)
                && (command == null || Objects.equals(claim.command(), command)));
        return before - claims.size();
    }
}
