import { Migration } from '@mikro-orm/migrations';

/**
 * What an operated self-broadcast needs its operator to run (supply chain, fulfilment…), so
 * matching can rank operators by the brief's own needs; empty means the whole broadcast end to
 * end. Other briefs hire no operator and keep it empty.
 */
export class Migration20261124080000BriefCapabilities extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "brief" add column "required_capabilities" text[] not null default '{}';`);
    this.addSql(`alter table "brief" add constraint "brief_required_capabilities_only_for_self_broadcast" check (required_capabilities = '{}' or objective = 'OPERATED_SELF_BROADCAST');`);
  }
}
