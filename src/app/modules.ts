import 'reflect-metadata';
import { accountModule } from '../account/index.js';
import { agencyModule } from '../agency/index.js';
import { bidModule } from '../bid/index.js';
import { brandModule } from '../brand/index.js';
import { briefModule } from '../brief/index.js';
import { creatorModule } from '../creator/index.js';
import { credentialModule } from '../credential/index.js';
import { credibilityModule } from '../credibility/index.js';
import { dealModule } from '../deal/index.js';
import { idempotencyModule } from '../idempotency/index.js';
import { ledgerModule } from '../ledger/index.js';
import { matchModule } from '../match/index.js';
import { organisationModule } from '../organisation/index.js';
import { traderModule } from '../trader/index.js';
import { verticalModule } from '../vertical/index.js';

/**
 * Every domain module of the application: the one list the composition root reads for entities,
 * resolvers, problem codes, services and periodic jobs. A module's services are made after those
 * of the modules before it, which they may depend on, so the order matters.
 */
export const modules = [
  idempotencyModule,
  accountModule,
  verticalModule,
  credibilityModule,
  brandModule,
  agencyModule,
  organisationModule,
  creatorModule,
  credentialModule,
  traderModule,
  briefModule,
  ledgerModule,
  dealModule,
  bidModule,
  matchModule,
] as const;

export const entities = modules.flatMap((module) => module.entities ?? []);
export const resolvers = modules.flatMap((module) => module.resolvers ?? []);
export const problems = modules.flatMap((module) => module.problems ?? []);
