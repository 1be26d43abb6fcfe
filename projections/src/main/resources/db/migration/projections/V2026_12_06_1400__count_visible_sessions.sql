-- How many sessions a list can show, without counting the table on every request (issue 13): every change of a
-- session row's visibility key (owner, shared, archived) adds a +1/-1 row here, in the writer's transaction, by
-- trigger, so batched replays, dead-letter retries and resets keep it exact. Adding rows instead of updating one
-- counter per owner means concurrent segments never wait on (or deadlock over) a shared row; SessionCounts folds the
-- rows into one per (owner, shared) every few seconds, so a count reads a handful of rows however many sessions exist.
create table session_count (
    owner_id varchar(100) not null,
    shared   boolean      not null,
    delta    bigint       not null
);

create index session_count_owner on session_count (owner_id);

create function session_count_change() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and not old.archived then
        insert into session_count (owner_id, shared, delta) values (old.owner_id, old.shared, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and not new.archived then
        insert into session_count (owner_id, shared, delta) values (new.owner_id, new.shared, 1);
    end if;
    return null;
end;
$$;

create trigger session_count_insert after insert on session_summary
    for each row execute function session_count_change();

-- Only a change of the visibility key counts: the many updates of activity, titles and counters call nothing.
create trigger session_count_update after update of owner_id, shared, archived on session_summary
    for each row
    when (old.owner_id is distinct from new.owner_id
          or old.shared is distinct from new.shared
          or old.archived is distinct from new.archived)
    execute function session_count_change();

create trigger session_count_delete after delete on session_summary
    for each row execute function session_count_change();

create function session_count_cleared() returns trigger language plpgsql as $$
begin
    delete from session_count;
    return null;
end;
$$;

create trigger session_count_truncate after truncate on session_summary
    for each statement execute function session_count_cleared();

-- The sessions already there.
insert into session_count (owner_id, shared, delta)
select owner_id, shared, count(*) from session_summary where not archived group by owner_id, shared;
