import { type GraphQLResolveInfo, type GraphQLSchema, isObjectType } from 'graphql';
import type { RequestContext } from './context.js';
import { translateDomainError } from './domain-errors.js';
import { translateStatementTimeout } from './limits/timeouts.js';

function translate(error: unknown, context: RequestContext, info: GraphQLResolveInfo): never {
  throw translateDomainError(translateStatementTimeout(error, context, info));
}

/**
 * Every field's resolver, wrapped so that a domain error or a statement timeout escaping it reaches
 * the client typed (see translateDomainError, translateStatementTimeout). This is done on the built
 * schema rather than as type-graphql global middlewares because those run as a chain of async
 * functions on every field, plain properties included: a brand's 20 briefs with 10 bids each cost
 * thousands of promises per request. Here a field that resolves synchronously stays synchronous
 * and pays one function call; one that returns a promise gets one rejection handler.
 */
export function translateResolverErrors(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (source, args, context: RequestContext, info) => {
        let result: unknown;
        try {
          result = resolve(source, args, context, info);
        } catch (error) {
          translate(error, context, info);
        }
        return isThenable(result) ? result.then(undefined, (error: unknown) => translate(error, context, info)) : result;
      };
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
