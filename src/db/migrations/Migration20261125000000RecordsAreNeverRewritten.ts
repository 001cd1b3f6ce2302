import { Migration } from '@mikro-orm/migrations';

/**
 * "Nothing is ever overwritten", held by the database and not only by the code: the rows that
 * make up a deal's record and a talent's credibility history refuse any UPDATE that would rewrite
 * them. A change is always a new row (a terms version, a correcting sales report, a history entry).
 * The only updates allowed are the ones the record's life needs:
 * - an amendment is answered once, while it is PROPOSED;
 * - a sales report is marked superseded once, and nothing else about it changes.
 * Deletes are left to the parents' cascades (nothing in the product deletes these rows).
 */
export class Migration20261125000000RecordsAreNeverRewritten extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function refuse_rewrite() returns trigger language plpgsql as $$
begin
  raise exception '% rows are never rewritten: record a change as a new row', tg_table_name
    using errcode = 'integrity_constraint_violation';
end $$;`);
    for (const table of ['deal_terms', 'deal_settlement', 'deal_review', 'credibility_change', 'deal_cancellation']) {
      this.addSql(`create trigger "${table}_never_rewritten" before update on "${table}" for each row execute function refuse_rewrite();`);
    }

    this.addSql(`create function answer_amendment_once() returns trigger language plpgsql as $$
begin
  if old.status <> 'PROPOSED' then
    raise exception 'deal_amendment % was answered already and is never rewritten', old.id
      using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger "deal_amendment_answered_once" before update on "deal_amendment" for each row execute function answer_amendment_once();`);

    this.addSql(`create function supersede_sales_report_once() returns trigger language plpgsql as $$
declare
  unchanged sales_report := new;
begin
  unchanged.superseded_at := old.superseded_at;
  if old.superseded_at is not null or new.superseded_at is null or unchanged is distinct from old then
    raise exception 'sales_report % is only ever marked superseded, once; a correction is a new report', old.id
      using errcode = 'integrity_constraint_violation';
  end if;
  return new;
end $$;`);
    this.addSql(`create trigger "sales_report_superseded_once" before update on "sales_report" for each row execute function supersede_sales_report_once();`);
  }
}
