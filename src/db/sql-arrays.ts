/** A PostgreSQL array literal of uuids (they need no quoting); execute() would spread a JS array into a comma list. */
export function uuidArray(ids: Iterable<string>): string {
  return `{${[...ids].join(',')}}`;
}
