-- The times of the events that named a forwarded session's title and status. A batch's sessions fold in one
-- insert ... on conflict, whose update sees the batch's values only through the proposed row: these columns carry
-- them there. (A MERGE over the batch could see them without columns, but its cached plan, made while the table was
-- small, hash-joined every session of the origin on each batch, a cost that grew with the table.)
alter table forwarded_session add column title_at timestamptz, add column status_at timestamptz;
