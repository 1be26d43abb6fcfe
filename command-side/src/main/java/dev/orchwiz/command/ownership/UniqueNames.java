package dev.orchwiz.command.ownership;

import dev.orchwiz.api.id.UserId;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates, renames and deletes aggregates whose names are unique per owner (slash commands, subagents): the name is
 * claimed ({@link NameClaims}) in the command's own transaction around the aggregate's own handling, so two
 * concurrent uses of one name cannot both commit, and a refused command leaves no event behind.
 *
 * @param <A> the aggregate
 */
public final class UniqueNames<A> {

    private final Repository<A> repository;
    private final NameClaims claims;
    private final Function<A, String> name;
    private final Function<A, UserId> owner;
    private final Function<String, RuntimeException> taken;

    /**
     * {@code table} and {@code idColumn} as {@link NameClaims} takes them; {@code name} and {@code owner} read an
     * aggregate's current name and owner; {@code taken} is the refusal for a name the owner already uses.
     */
    public UniqueNames(
            Repository<A> repository,
            JdbcTemplate jdbc,
            String table,
            String idColumn,
            Function<A, String> name,
            Function<A, UserId> owner,
            Function<String, RuntimeException> taken) {
        this.repository = repository;
        this.claims = new NameClaims(jdbc, table, idColumn);
        this.name = name;
        this.owner = owner;
        this.taken = taken;
    }

    /** Claims {@code newName} for the owner, then creates the aggregate and answers what {@code answer} reads of it. */
    public <R> R create(UserId holder, String newName, UUID id, Callable<A> factory, Function<A, R> answer)
            throws Exception {
        claim(holder, newName, id);
        return repository.newInstance(factory).invoke(answer);
    }

    /** Lets the aggregate handle the change, then moves the owner's claim when the change renamed it. */
    public <R> R revise(UUID id, String newName, Function<A, R> change) {
        Aggregate<A> aggregate = repository.load(id.toString());
        String oldName = aggregate.invoke(name);
        UserId holder = aggregate.invoke(owner);
        R changed = aggregate.invoke(change);
        if (!newName.equals(oldName)) {
            // Released first: the id column of the claims is unique, so claiming the new name while the old claim
            // stands would always conflict. A refused claim rolls the release back with the command's transaction.
            claims.release(holder, oldName, id);
            claim(holder, newName, id);
        }
        return changed;
    }

    /** Lets the aggregate handle its deletion, then frees its name. */
    public void delete(UUID id, Consumer<A> deletion) {
        Aggregate<A> aggregate = repository.load(id.toString());
        String oldName = aggregate.invoke(name);
        UserId holder = aggregate.invoke(owner);
        aggregate.execute(deletion);
        claims.release(holder, oldName);
    }

    private void claim(UserId holder, String newName, UUID id) {
        if (!claims.claim(holder, newName, id)) {
            throw taken.apply(newName);
        }
    }
}
