import type { Cursor } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { basisPointsSchema } from '../common/money.js';
import type { PageRequest } from '../common/page.js';
import { AccessDenied, parseInput } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { OrganisationMembership } from '../organisation/organisation-membership.js';
import { Agency, AgencyMember } from './agency.entity.js';

const MAX_DESCRIPTION_LENGTH = 5000;

const nameSchema = z.string().trim().min(1, 'Agency names need 1 to 120 characters.').max(120, 'Agency names need 1 to 120 characters.');
const descriptionSchema = z.string().trim().max(MAX_DESCRIPTION_LENGTH, `Descriptions have at most ${MAX_DESCRIPTION_LENGTH} characters.`);

const createSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.nullish().transform((value) => value ?? ''),
  // Left out, the column default applies.
  defaultShareBp: basisPointsSchema.nullish().transform((value) => value ?? undefined),
});

const updateSchema = z.object({
  name: nameSchema.nullish(),
  description: descriptionSchema.nullish(),
  defaultShareBp: basisPointsSchema.nullish(),
});

export interface AgencyCreateInput {
  name: string;
  description?: string | null;
  defaultShareBp?: number | null;
}

export interface AgencyUpdateInput {
  name?: string | null;
  description?: string | null;
  defaultShareBp?: number | null;
}

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

  async create({ em, viewer }: ServiceContext, input: AgencyCreateInput): Promise<{ agency: Agency }> {
    if (!viewer) throw new AccessDenied('Sign in first.');
    const { defaultShareBp, ...data } = parseInput(createSchema, input);
    const agency = em.create(Agency, { ...data, ...(defaultShareBp !== undefined ? { defaultShareBp } : {}) });
    this.membership.addFounder(em, agency, viewer.userId);
    await em.flush();
    return { agency };
  }

  async update({ em, viewer }: ServiceContext, agencyId: string | null, input: AgencyUpdateInput): Promise<{ agency: Agency }> {
    const agency = await this.membership.find(em, agencyId, ['id']);
    if (!viewer?.isAgencyMember(agency.id)) throw new AccessDenied('Only members of this agency may change it.');
    const data = parseInput(updateSchema, input);
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
