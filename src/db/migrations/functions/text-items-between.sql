-- Whether every item of a list of texts has a length in the bounds: the CHECK constraints on
-- lists of short texts (tags, regions; migration 20261125120000) call it, as a check cannot read
-- an array item by item itself. It reads nothing but its arguments, so it is immutable.
create or replace function text_items_between(items text[], min_length int, max_length int) returns boolean
  language sql immutable parallel safe
  return coalesce((select bool_and(char_length(item) between min_length and max_length) from unnest(items) as item), true);
