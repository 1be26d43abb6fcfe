-- Sessions an owner shared read-only with every signed-in user.
alter table session_summary add column shared boolean not null default false;

create index session_summary_shared_activity on session_summary (last_activity_at desc) where shared and not archived;
