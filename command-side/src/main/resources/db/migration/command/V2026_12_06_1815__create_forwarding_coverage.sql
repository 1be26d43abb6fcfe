-- The parts of each origin's sequence that arrived above its high-water mark, as ranges: a batch covers its whole
-- fromSeq..toSeq, including positions the origin filtered out for this node or never used, so those are not gaps.
-- Rows at or below the high-water mark are deleted as the mark passes them. Kept with the inbox, which writes it.
create table forwarding_coverage (
    node_id  text   not null,
    from_seq bigint not null,
    to_seq   bigint not null,
    primary key (node_id, from_seq),
    check (to_seq >= from_seq)
);

-- What arrived before this table: each event above its origin's mark covers its own position.
insert into forwarding_coverage (node_id, from_seq, to_seq)
select distinct i.origin, i.seq, i.seq
from forwarding_inbox i join forwarding_origin o on o.node_id = i.origin
where i.seq is not null and i.seq > coalesce(o.high_water, -1)
on conflict do nothing;
