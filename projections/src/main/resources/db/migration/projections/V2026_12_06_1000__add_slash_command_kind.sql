-- A command is a shell script or a prompt template the agent runs; every command written before kinds existed is a
-- script, so that is the default the existing rows take.
alter table slash_command add column kind text not null default 'script';
