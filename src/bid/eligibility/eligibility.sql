-- Whether a talent of the brief's kind meets the brief's requirements: every credential the brief
-- and its products require, verified (implied types included); the brief's minimum credibility
-- level; a deal's room left under their capacity. The SQL form of talentEligibilityProblems
-- (eligibility.ts), which candidate retrieval filters creators and operators with.
--
-- A plain SQL body and immutable, so PostgreSQL inlines it into the calling statement: the
-- GIN-indexed containment, the level compared with the match-order index, and the capacity
-- comparison written `(…) is true`, which the statistics on that expression estimate
-- (migration 20261125100000), all reach the planner as if written out. The level is smallint,
-- as in the creator and trader tables, so no cast hides the column from its index.
create or replace function talent_meets_brief(
  held_credentials text[], credibility_level smallint, capacity integer, active_deal_count integer,
  required_credentials text[], min_credibility_level integer
) returns boolean language sql immutable parallel safe as $fn$
  select held_credentials @> required_credentials
     and credibility_level >= min_credibility_level
     and (active_deal_count < capacity) is true
$fn$;
