import type { Cursor } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageRequest } from '../common/page.js';
import { AccessDenied, parseInput } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { OrganisationMembership } from '../organisation/organisation-membership.js';
import { Agency, AgencyMember } from './agency.entity.js';
import { agencyCreateSchema, type AgencyCreateValues, agencyUpdateSchema, type AgencyUpdateValues } from './agency.inputs.js';

/** Agencies' public profiles; who acts for an agency is the shared organisation membership's business. */
export class AgencyService {
  readonly membership = new OrganisationMembership<Agency, AgencyMember>('agency', Agency, AgencyMember);

  /** Agencies by name; `search` keeps those whose name contains it, ignoring case. */
  list(em: EntityManager, search: string | null | undefined, page: PageRequest): Promise<Cursor<Agency>> {
    return this.membership.list(em, search, page);
  }

  byId(em: EntityManager, agencyId: string): Promise<Agency | null> {
    return em.findOne(Agency, agencyId);
  }

  async create({ em, viewer }: ServiceContext, input: AgencyCreateValues): Promise<{ agency: Agency }> {
    if (!viewer) throw new AccessDenied('Sign in first.');
    const { defaultShareBp, ...data } = parseInput(agencyCreateSchema, input);
    const agency = em.create(Agency, { ...data, ...(defaultShareBp !== undefined ? { defaultShareBp } : {}) });
    this.membership.addFounder(em, agency, viewer.userId);
    await em.flush();
    return { agency };
  }

  async update({ em, viewer }: ServiceContext, agencyId: string | null, input: AgencyUpdateValues): Promise<{ agency: Agency }> {
    const agency = await this.membership.find(em, agencyId, ['id']);
    if (!viewer?.isAgencyMember(agency.id)) throw new AccessDenied('Only members of this agency may change it.');
    const data = parseInput(agencyUpdateSchema, input);
    if (data.name != null) agency.name = data.name;
    if (data.description != null) agency.description = data.description;
    if (data.defaultShareBp != null) agency.defaultShareBp = data.defaultShareBp;
    await em.flush();
    return { agency };
  }

  async removeMember(context: ServiceContext, agencyId: string | null, userEmail: string): Promise<{ agency: Agency }> {
    return { agency: await this.membership.removeMember(context, agencyId, userEmail) };
  }
}
