-- Who the account is to the ownership rules: admin or not, its brands and agencies, its creator
-- and trader profiles; no row when the account no longer exists. Read by every request that
-- depends on who is asking (account.service.ts), so as PL/pgSQL: its statement is planned once
-- per connection rather than on every request.
create or replace function viewer_of_account(p_user_id uuid)
returns table (id uuid, is_admin boolean, brand_ids uuid[], agency_ids uuid[], creator_id uuid, trader_id uuid)
language plpgsql stable as $fn$
#variable_conflict use_column
begin
  return query
  select u.id, u.is_admin,
         array(select bm.brand_id from brand_member bm where bm.user_id = u.id),
         array(select am.agency_id from agency_member am where am.user_id = u.id),
         (select c.id from creator c where c.user_id = u.id),
         (select t.id from trader t where t.user_id = u.id)
    from app_user u where u.id = p_user_id;
end
$fn$;
