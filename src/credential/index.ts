import { defineModule } from '../common/module.js';
import type { CredibilityService } from '../credibility/credibility.service.js';
import { Credential } from './credential.entity.js';
import { CreatorCredentialsResolver, CredentialResolver, TraderCredentialsResolver, UserCredentialsResolver } from './credential.resolver.js';
import { CredentialService } from './credential.service.js';

export { CredentialType, impliedCredentialTypes } from './credential-type.js';
export { Credential, CredentialStatus } from './credential.entity.js';
export { CredentialService } from './credential.service.js';
export { seesCredential, seesPrivateDetails, visibleCredentialsWhere } from './credential.visibility.js';

/**
 * Professional credentials, submitted by their holder and reviewed by an admin. Its refusals
 * (SELF_REVIEW, ALREADY_REVIEWED) are shared with deal reviews, so it declares no codes of its own.
 */
export const credentialModule = defineModule({
  name: 'credential',
  entities: [Credential],
  resolvers: [CredentialResolver, CreatorCredentialsResolver, TraderCredentialsResolver, UserCredentialsResolver],
  createServices: ({ credibility }: { credibility: CredibilityService }) => ({ credentials: new CredentialService(credibility) }),
});
