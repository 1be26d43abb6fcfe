-- Axon's JDBC dead-letter queue writes and compares its times as ISO-8601 UTC text with milliseconds
-- (2026-12-05T06:50:00.000Z, its DateTimeUtils format), where the JPA queue used timestamptz (ADR 0013). Letters
-- already waiting keep their times, rewritten in that format.
alter table dead_letter_entry
    alter column enqueued_at type varchar(255)
        using to_char(enqueued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    alter column last_touched type varchar(255)
        using to_char(last_touched at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    alter column processing_started type varchar(255)
        using to_char(processing_started at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
