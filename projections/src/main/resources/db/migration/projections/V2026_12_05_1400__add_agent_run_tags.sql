-- The labels a run carries (session mode, node, runtime, OrchWiz version, model, origin), for filters and exports.
alter table agent_run add column tags jsonb not null default '{}';
