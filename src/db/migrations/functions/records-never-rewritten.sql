-- Trigger functions of the rows that make up a deal's record and a talent's credibility history
-- (migration 20261125000000): they refuse any UPDATE that would rewrite them, so a change is
-- always a new row. Their callers are the triggers on those tables, not the application.

-- deal_terms, deal_settlement, deal_review, credibility_change, deal_cancellation: never updated.
create or replace function refuse_rewrite() returns trigger language plpgsql as $$
begin
  raise exception '% rows are never rewritten: record a change as a new row', tg_table_name
    using errcode = 'integrity_constraint_violation';
end $$;

-- deal_amendment: answered once, while it is PROPOSED.
create or replace function answer_amendment_once() returns trigger language plpgsql as $$
begin
  if old.status <> 'PROPOSED' then
    raise exception 'deal_amendment % was answered already and is never rewritten', old.id
      using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end $$;

-- sales_report: marked superseded once, and nothing else about it changes.
create or replace function supersede_sales_report_once() returns trigger language plpgsql as $$
declare
  unchanged sales_report := new;
begin
  unchanged.superseded_at := old.superseded_at;
  if old.superseded_at is not null or new.superseded_at is null or unchanged is distinct from old then
    raise exception 'sales_report % is only ever marked superseded, once; a correction is a new report', old.id
      using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end $$;
