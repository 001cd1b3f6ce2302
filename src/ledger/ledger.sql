-- The ledger's rules in the database (migration 20261208010000): whatever writes to it, an entry
-- balances, a line never changes, and a cached balance moves with every line. Their callers are
-- the triggers on ledger_entry and ledger_line, not the application.

-- Each line moves its account's cached balance in the same statement; the account's CHECK
-- (balance >= 0 except for the bank's clearing account) then refuses an overdraft, and the row
-- lock the update takes queues concurrent spenders of one account.
create or replace function ledger_line_moves_balance() returns trigger language plpgsql as $$
begin
  update ledger_account set balance = balance + new.amount where id = new.account_id;
  return null;
end $$;

-- Run at commit (a deferred constraint trigger): every entry has at least two lines, and its
-- lines sum to zero in each currency. The trigger's argument names the column holding the entry's
-- id (`id` on ledger_entry, `entry_id` on ledger_line).
create or replace function ledger_entry_balances() returns trigger language plpgsql as $$
declare
  entry uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
  line_count integer;
  unbalanced text;
begin
  select count(*) into line_count from ledger_line where entry_id = entry;
  if line_count < 2 then
    raise exception 'ledger entry % has % line(s); every entry has at least two', entry, line_count
      using errcode = 'integrity_constraint_violation';
  end if;
  select string_agg(currency || ' ' || total, ', ') into unbalanced
    from (select currency, sum(amount) as total from ledger_line where entry_id = entry group by currency) sums
   where total <> 0;
  if unbalanced is not null then
    raise exception 'ledger entry % does not balance: %', entry, unbalanced
      using errcode = 'integrity_constraint_violation';
  end if;
  return null;
end $$;

-- Entries and lines are never rewritten nor removed: a correction is a new entry.
create or replace function ledger_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% rows are append-only: post a correcting entry instead', tg_table_name
    using errcode = 'integrity_constraint_violation';
end $$;
