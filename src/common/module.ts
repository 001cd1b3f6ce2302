import type { EntityClass } from '@mikro-orm/core';
import type { ProblemCatalogue } from './problems.js';
import type { ServiceContext } from './service-context.js';

/** A class type-graphql builds resolvers from. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ResolverClass = Function;

/**
 * Work the server does on a timer, nobody asking: each run finds its work with conditional
 * statements and does it idempotently, so it may run on several instances at once.
 */
export interface PeriodicJob<Services> {
  /** Said in the log with the number of rows it touched, e.g. "briefs past their deadline closed". */
  name: string;
  /** Runs inside a unit of work of its own (no viewer): its events are published after commit. */
  run(services: Services, context: ServiceContext): Promise<number>;
}

/**
 * What a domain module contributes to the application, exported from its `index.ts`. The
 * composition root (src/app) lists modules, never their classes: adding a module is one line there.
 *
 * `createServices` receives what the modules listed before it created (and the application's
 * configuration and tokens), so a module names the services it depends on in its parameter type
 * and the root's order satisfies it.
 */
export interface DomainModule<Dependencies = never, Services extends object = object> {
  name: string;
  /** Persistent entities; the ORM discovers nothing by scanning folders. */
  entities?: readonly EntityClass<object>[];
  /** Resolver classes: queries, mutations, subscriptions and fields added to other types. */
  resolvers?: readonly ResolverClass[];
  /** The codes this module's rules refuse requests with (`defineProblems`), composed into `UserErrorCode`. */
  problems?: readonly ProblemCatalogue[];
  createServices?: (dependencies: Dependencies) => Services;
  jobs?: readonly PeriodicJob<Services & Dependencies>[];
}

/** Declares a module; the identity function keeps its types precise for the root. */
export function defineModule<Dependencies = never, Services extends object = object>(
  module: DomainModule<Dependencies, Services>,
): DomainModule<Dependencies, Services> {
  return module;
}
