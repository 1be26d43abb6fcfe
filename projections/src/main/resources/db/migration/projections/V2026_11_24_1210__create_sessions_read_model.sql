-- The sessions read model (processing group "sessions"). Rebuildable at any time from the event store.
create table session_summary (
    id                uuid primary key,
    owner_id          varchar(100)  not null,
    title             varchar(200),
    description       varchar(4000),
    prompt            text,
    status            varchar(16)   not null,
    mode              varchar(16)   not null,
    source            varchar(24)   not null,
    project_name      varchar(200),
    branch            varchar(255),
    environment       varchar(100),
    metadata          jsonb,
    parent_session_id uuid,
    interaction_count bigint        not null default 0,
    fork_count        bigint        not null default 0,
    created_at        timestamptz   not null,
    last_activity_at  timestamptz   not null,
    completed_at      timestamptz,
    archived          boolean       not null default false,
    version           bigint        not null
);

-- Lists are "newest activity first", per owner for members and across owners for admins.
create index session_summary_owner_activity on session_summary (owner_id, last_activity_at desc) where not archived;
create index session_summary_activity on session_summary (last_activity_at desc) where not archived;

create table session_interaction (
    id         uuid primary key,
    session_id uuid         not null,
    sequence   bigint       not null,
    type       varchar(16)  not null,
    content    text         not null,
    metadata   jsonb,
    by_user    varchar(100) not null,
    at         timestamptz  not null
);

create unique index session_interaction_timeline on session_interaction (session_id, sequence);
