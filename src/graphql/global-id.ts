const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque ids: clients never see (or depend on) table names or primary keys. */
export function toGlobalId(typeName: string, id: string): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { typeName: string; id: string } | null {
  if (globalId.length > 200 || !/^[\w-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0) return null;
  const typeName = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  return UUID.test(id) ? { typeName, id } : null;
}

/** The database id behind a global id of the expected type, or null for anything else. */
export function idOfType(globalId: string, typeName: string): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed?.typeName === typeName ? parsed.id : null;
}
