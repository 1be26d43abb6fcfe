-- Where an origin serves signed pulls of the events a gap is missing (null: this node waits for them to be pushed).
alter table forwarding_source add column pull_url text;

-- After an origin rotated its key and an admin pinned the new one, the previous key verifies until its grace ends.
alter table forwarding_source add column previous_credential text;
alter table forwarding_source add column previous_valid_until timestamptz;
