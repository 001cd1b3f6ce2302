import { Migration } from '@mikro-orm/migrations';

/** Brands and agencies invite members by email; the invitee accepts or declines. */
export class Migration20261124020000OrganisationInvitations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "organisation_invitation" ("id" uuid not null, "brand_id" uuid null, "agency_id" uuid null, "email" varchar(254) not null, "role" text not null, "status" text not null default 'INVITED', "invited_by_id" uuid not null, "created_at" timestamptz not null, "responded_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "organisation_invitation" add constraint "organisation_invitation_brand_id_foreign" foreign key ("brand_id") references "brand" ("id") on delete cascade;`);
    this.addSql(`alter table "organisation_invitation" add constraint "organisation_invitation_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on delete cascade;`);
    this.addSql(`alter table "organisation_invitation" add constraint "organisation_invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "app_user" ("id");`);
    this.addSql(`alter table "organisation_invitation" add constraint "organisation_invitation_one_organisation" check ((brand_id is null) <> (agency_id is null));`);
    this.addSql(`alter table "organisation_invitation" add constraint "organisation_invitation_email_lower" check (email = lower(email));`);
    this.addSql(`alter table "organisation_invitation" add constraint "organisation_invitation_responded" check ((status = 'INVITED') = (responded_at is null));`);
    this.addSql(`alter table "organisation_invitation" add constraint "organisation_invitation_role_check" check ("role" in ('OWNER', 'MEMBER'));`);
    this.addSql(`alter table "organisation_invitation" add constraint "organisation_invitation_status_check" check ("status" in ('INVITED', 'ACCEPTED', 'DECLINED', 'REVOKED'));`);
    // One open invitation per organisation and email: a second one would only compete with the first.
    // These also serve the organisation's list of open invitations.
    this.addSql(`create unique index "organisation_invitation_one_open_brand" on "organisation_invitation" ("brand_id", "email") where status = 'INVITED';`);
    this.addSql(`create unique index "organisation_invitation_one_open_agency" on "organisation_invitation" ("agency_id", "email") where status = 'INVITED';`);
    // The invitee's open invitations, found by their account's email.
    this.addSql(`create index "organisation_invitation_open_by_email" on "organisation_invitation" ("email") where status = 'INVITED';`);
  }
}
