-- What a PreToolUse hook that cannot answer does to the call; hooks saved before it existed fail closed.
alter table hook add column on_failure varchar(8) not null default 'BLOCK';
