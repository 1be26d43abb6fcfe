-- jsonb sorts object keys (shortest first), so an exported Claude Code file came back with its frontmatter keys
-- reordered. json keeps the text as written, key order included; nothing queries inside these columns. Rows written
-- before this keep the order jsonb gave them until the read model is rebuilt from the events, which have the order.
alter table slash_command alter column frontmatter type json using frontmatter::text::json;
alter table subagent alter column frontmatter type json using frontmatter::text::json;
