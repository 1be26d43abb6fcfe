-- When a gap was first seen, so the gap filler pulls only gaps that persist (a batch in flight closes most of them).
alter table forwarding_gap add column noticed_at timestamptz not null default now();
