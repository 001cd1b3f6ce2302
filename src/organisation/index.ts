import type { AgencyService } from '../agency/agency.service.js';
import type { BrandService } from '../brand/brand.service.js';
import { defineModule } from '../common/module.js';
import { OrganisationInvitation } from './organisation.entity.js';
import { OrganisationProblem } from './organisation.problems.js';
import { OrganisationInvitationResolver, UserOrganisationInvitationsResolver } from './organisation.resolver.js';
import { OrganisationInvitationService } from './organisation.service.js';

export { InvitationStatus, OrganisationInvitation } from './organisation.entity.js';
export { OrganisationProblem } from './organisation.problems.js';
export { type InvitingOrganisation, OrganisationInvitationService } from './organisation.service.js';
export { type MemberEntity, type OrganisationEntity, type OrganisationKind, OrganisationMembership } from './organisation-membership.js';

/**
 * What brands and agencies share: the membership rules each of their services holds one of, and
 * the invitations by email through which people join them.
 */
export const organisationModule = defineModule({
  name: 'organisation',
  entities: [OrganisationInvitation],
  resolvers: [OrganisationInvitationResolver, UserOrganisationInvitationsResolver],
  problems: [OrganisationProblem],
  createServices: ({ brands, agencies }: { brands: BrandService; agencies: AgencyService }) => ({
    organisationInvitations: new OrganisationInvitationService({ brand: brands.membership, agency: agencies.membership }),
  }),
});
