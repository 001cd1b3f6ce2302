import type { TokenService } from '../auth/tokens.js';
import type { DomainModule } from '../common/module.js';
import type { AppConfig } from '../config/env.js';
import { modules } from './modules.js';

/** What every module's services may depend on besides other modules' services. */
export interface BaseDependencies {
  config: AppConfig;
  tokens: TokenService;
}

type ServicesOf<M> = M extends DomainModule<infer _Dependencies, infer Services> ? Services : never;
type Intersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** Every module's services, by the names the modules give them. */
export type ComposedServices = Intersection<ServicesOf<(typeof modules)[number]>>;

declare module '../common/app-services.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppServices extends ComposedServices {}
}

/**
 * The application's services, created once and shared by every request: each module's, in the
 * order of `modules`, each handed the base dependencies and the services made before it. A name
 * two modules both claim is a wiring bug, refused at start.
 */
export function createServices(base: BaseDependencies): ComposedServices {
  const services: Record<string, unknown> = {};
  for (const module of modules as readonly DomainModule<unknown, object>[]) {
    const made = module.createServices?.({ ...base, ...services });
    for (const [name, service] of Object.entries(made ?? {})) {
      if (name in services || name in base) throw new Error(`Module ${module.name} makes a service named ${name}, which another already has.`);
      services[name] = service;
    }
  }
  return services as ComposedServices;
}
