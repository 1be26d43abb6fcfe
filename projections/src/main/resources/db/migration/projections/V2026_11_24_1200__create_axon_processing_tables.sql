-- Axon's tables for event processing: tracking tokens and the projection dead-letter queue.
-- Binary columns are bytea (never oid large objects); see docs/adr/0004-postgresql-event-store.md.
create table token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    owner          varchar(255),
    timestamp      varchar(255) not null,
    token          bytea,
    token_type     varchar(255),
    primary key (processor_name, segment)
);

create table dead_letter_entry (
    dead_letter_id       varchar(255) not null primary key,
    cause_message        varchar(1023),
    cause_type           varchar(255),
    diagnostics          bytea,
    enqueued_at          timestamp(6) with time zone not null,
    last_touched         timestamp(6) with time zone,
    aggregate_identifier varchar(255),
    event_identifier     varchar(255) not null,
    message_type         varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    sequence_number      bigint,
    time_stamp           varchar(255) not null,
    token                bytea,
    token_type           varchar(255),
    type                 varchar(255),
    processing_group     varchar(255) not null,
    processing_started   timestamp(6) with time zone,
    sequence_identifier  varchar(255) not null,
    sequence_index       bigint       not null,
    constraint dead_letter_entry_sequence unique (processing_group, sequence_identifier, sequence_index)
);

create index dead_letter_entry_group on dead_letter_entry (processing_group);
create index dead_letter_entry_group_sequence on dead_letter_entry (processing_group, sequence_identifier);
