import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';

/** What the limits need to know about the HTTP request being served, wherever they run. */
export interface RequestScope {
  /** The caller's address (Express's `req.ip`, which honours `trust proxy`). */
  clientAddress: string;
  /** When the request's time budget runs out (ms since the epoch). */
  deadline: number;
  budgetMs: number;
  /** The request's `Authorization` header, for the one operation that acts on its own token (logOut). */
  authorization: string | undefined;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The scope of the request this code runs for; undefined outside an HTTP request. */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/**
 * A request that used up its time budget (REQUEST_TIMEOUT_MS). A GraphQL error from the start:
 * the ORM re-wraps what a statement throws, and graphql-js keeps the `extensions` of the error it
 * wraps, so the code survives every layer in between.
 */
export class RequestTimeoutError extends GraphQLError {
  constructor(budgetMs: number) {
    super(`The request ran past its time budget of ${budgetMs} ms and was stopped; nothing more was run.`, {
      extensions: { code: 'TIMEOUT', limitMs: budgetMs },
    });
    this.name = 'RequestTimeoutError';
  }
}

/**
 * Refuses to start more work once the request's budget is spent. Called before every SQL
 * statement: a statement already running is bounded by the database's statement_timeout instead.
 */
export function assertWithinRequestBudget(): void {
  const scope = storage.getStore();
  if (scope && Date.now() > scope.deadline) throw new RequestTimeoutError(scope.budgetMs);
}

/**
 * Opens the request's scope. Mount it after the body parser: body parsing finishes in stream
 * callbacks that do not carry the async context of the middleware that started it.
 */
export function requestScope(budgetMs: number): RequestHandler {
  return (request, _response, next) => {
    storage.run({ clientAddress: request.ip ?? 'unknown', deadline: Date.now() + budgetMs, budgetMs, authorization: request.header('authorization') }, next);
  };
}
