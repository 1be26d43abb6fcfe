-- Where an origin serves signed pulls of the events a gap is missing (null: this node waits for them to be pushed).
alter table forwarding_source add column pull_url text;
