import type { EntityManager } from '@mikro-orm/postgresql';
/**
 * Who is asking, with the memberships that ownership rules need. Loaded once per request, so a
 * service can answer "is this a member of the brand?" without another query.
 */
export class Viewer {
  constructor(
    readonly userId: string,
    readonly isAdmin: boolean,
    readonly brandIds: ReadonlySet<string>,
    readonly agencyIds: ReadonlySet<string>,
    readonly creatorId: string | null,
    readonly traderId: string | null,
  ) {}

  isBrandMember(brandId: string): boolean {
    return this.brandIds.has(brandId);
  }

  isAgencyMember(agencyId: string): boolean {
    return this.agencyIds.has(agencyId);
  }
}

/** Reads who an account is, with its memberships; null when the account no longer exists. */
export interface ViewerSource {
  loadViewer(em: EntityManager, userId: string): Promise<Viewer | null>;
}

/** The role gates of `@Authorized(...)`; any gate also requires a signed-in viewer. */
export const Role = {
  ADMIN: 'ADMIN',
  BRAND_MEMBER: 'BRAND_MEMBER',
  AGENCY_MEMBER: 'AGENCY_MEMBER',
  CREATOR: 'CREATOR',
  TRADER: 'TRADER',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export function viewerHasRole(viewer: Viewer, role: Role): boolean {
  switch (role) {
    case Role.ADMIN:
      return viewer.isAdmin;
    case Role.BRAND_MEMBER:
      return viewer.brandIds.size > 0;
    case Role.AGENCY_MEMBER:
      return viewer.agencyIds.size > 0;
    case Role.CREATOR:
      return viewer.creatorId !== null;
    case Role.TRADER:
      return viewer.traderId !== null;
  }
}
