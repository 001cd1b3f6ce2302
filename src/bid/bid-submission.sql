-- bidSubmit's two statements (bid-submission.ts), as PL/pgSQL so that PostgreSQL plans them once
-- per connection instead of once per bid: the ORM sends every statement with its values written
-- into the text, and each such statement is parsed and planned afresh, which cost more than
-- running it. A statement inside a PL/pgSQL function is prepared the first time a connection
-- runs it, and a generic plan is kept for the connection (planned again when a table it reads
-- changes). The rules stay in the service; these only read and write.

-- The brief, the credentials its products require, the invitations of the ids asked about, the
-- named talent's profile and the bidding agency's roster membership of the talent, in one row.
-- With p_lock_brief (a transaction) it first takes the brief's row lock FOR SHARE, held until
-- the transaction ends, and reads everything after the lock is granted (so an invitation
-- withdrawn while it waited is seen withdrawn); no row when there was no brief to lock.
-- With the values in view the planner drops the branches for an absent talent or agency, so
-- every plan made with them looks cheaper than the generic one, which would therefore never be
-- kept and the statement planned on every call: the generic plan, index lookups by id
-- throughout, is forced from the first call.
create or replace function bid_submission_facts(
  p_brief_id uuid, p_invited_creator_ids uuid[], p_invited_trader_ids uuid[], p_invited_agency_ids uuid[],
  p_agency_id uuid, p_creator_id uuid, p_trader_id uuid, p_lock_brief boolean
) returns table (
  id uuid, brand_id uuid, status text, visibility text, deadline_ms double precision, slots integer, slots_filled integer,
  objective text, min_credibility_level smallint, budget_currency varchar, formats text[], platforms text[],
  required_credentials text[], invited_creator_ids uuid[], invited_trader_ids uuid[], invited_agency_ids uuid[],
  talent_found boolean, verified_credential_types text[], credibility_level smallint, capacity integer, active_deal_count integer,
  agency_exists boolean, roster_share_bp integer
) language plpgsql volatile set plan_cache_mode = force_generic_plan as $fn$
#variable_conflict use_column
begin
  if p_lock_brief then
    perform 1 from brief where brief.id = p_brief_id for share;
    if not found then
      return;
    end if;
  end if;
  return query
  select brief.id, brief.brand_id, brief.status, brief.visibility, floor(extract(epoch from brief.deadline) * 1000)::float8, brief.slots, brief.slots_filled,
         brief.objective, brief.min_credibility_level, brief.budget_currency, brief.formats, brief.platforms,
         array(select type from unnest(brief.required_credentials) as type
               union
               select type
                 from brief_product
                 join product on product.id = brief_product.product_id
                 cross join unnest(product.required_credentials) as type
                where brief_product.brief_id = brief.id),
         array(select bi.creator_id from brief_invitation bi where bi.brief_id = brief.id and bi.creator_id = any(p_invited_creator_ids)),
         array(select bi.trader_id from brief_invitation bi where bi.brief_id = brief.id and bi.trader_id = any(p_invited_trader_ids)),
         array(select bi.agency_id from brief_invitation bi where bi.brief_id = brief.id and bi.agency_id = any(p_invited_agency_ids)),
         talent.id is not null, talent.verified_credential_types, talent.credibility_level, talent.capacity, talent.active_deal_count,
         exists(select 1 from agency where agency.id = p_agency_id),
         (select rm.share_bp from roster_membership rm
           where rm.agency_id = p_agency_id and rm.status = 'ACTIVE' and (rm.creator_id = p_creator_id or rm.trader_id = p_trader_id)
           limit 1)
    from brief
    left join lateral (
      select c.id, c.verified_credential_types, c.credibility_level, c.capacity, c.active_deal_count from creator c where c.id = p_creator_id
      union all
      select t.id, t.verified_credential_types, t.credibility_level, t.capacity, t.active_deal_count from trader t where t.id = p_trader_id
    ) talent on true
   where brief.id = p_brief_id;
end
$fn$;

-- A SUBMITTED bid and its first revision, written only if the brief is still open (its lock
-- taken FOR SHARE), the invitation still there on an invite-only brief, and the talent has no
-- active bid on it (the partial unique indexes, ON CONFLICT DO NOTHING). One row: whether the
-- brief was open, whether the bidder was invited, and the bid written (null when none was).
create or replace function insert_bid_with_first_revision(
  p_brief_id uuid, p_invite_only boolean, p_bid_id uuid, p_creator_id uuid, p_trader_id uuid, p_agency_id uuid,
  p_author_id uuid, p_pitch text, p_status text, p_at timestamptz,
  p_revision_id uuid, p_side text, p_currency varchar, p_fixed_fee bigint, p_commission_bp integer,
  p_gmv_guarantee bigint, p_agency_share_bp integer, p_deliverables jsonb
) returns table (still_open boolean, still_invited boolean, inserted bid) language plpgsql volatile as $fn$
#variable_conflict use_column
begin
  return query
  with open_brief as (
    select brief.id from brief
     where brief.id = p_brief_id and brief.status = 'OPEN' and brief.deadline > now() and brief.slots_filled < brief.slots
       for share
  ), invitation as (
    select not p_invite_only or exists (
             select 1 from brief_invitation bi
              where bi.brief_id = p_brief_id and (bi.creator_id = p_creator_id or bi.trader_id = p_trader_id or bi.agency_id = p_agency_id)
           ) as still_invited
  ), new_bid as (
    insert into bid (id, brief_id, creator_id, trader_id, agency_id, submitted_by_id, pitch, status, current_revision, created_at, updated_at)
    select p_bid_id, open_brief.id, p_creator_id, p_trader_id, p_agency_id, p_author_id, p_pitch, p_status, 1, p_at, p_at
      from open_brief, invitation
     where invitation.still_invited
    on conflict do nothing
    returning bid
  ), first_revision as (
    insert into bid_revision (id, bid_id, number, side, author_id, currency, fixed_fee, commission_bp, gmv_guarantee, agency_share_bp, deliverables, message, created_at)
    select p_revision_id, (new_bid.bid).id, 1, p_side, p_author_id, p_currency, p_fixed_fee, p_commission_bp, p_gmv_guarantee, p_agency_share_bp, p_deliverables, '', (new_bid.bid).created_at
      from new_bid
  )
  select exists (select 1 from open_brief), invitation.still_invited, new_bid.bid
    from invitation left join new_bid on true;
end
$fn$;
