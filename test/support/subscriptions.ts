import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode } from 'graphql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { documentText } from './test-server.js';

export interface Received<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface Subscription<T> {
  /** The next result, in order of arrival. */
  next(): Promise<Received<T>>;
  /** Results that arrived and were not taken yet. */
  pending(): Received<T>[];
  close(): Promise<void>;
}

/** A graphql-ws client on the server's /graphql, signed in with `token` when given. */
export function wsClient(httpUrl: string, token?: string): Client & { closed: Promise<{ code: number; reason: string }> } {
  let onClosed: (event: { code: number; reason: string }) => void = () => {};
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    onClosed = resolve;
  });
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => onClosed(event as { code: number; reason: string }) },
    onNonLazyError: () => {},
  });
  return Object.assign(client, { closed });
}

/** Subscribes and collects what arrives; `next()` waits for the next result. */
export function subscribe<Result, Variables>(client: Client, document: TypedDocumentNode<Result, Variables>, variables: Variables): Subscription<Result>;
/** The same for a document sent as text, for the tests that send malformed or dynamic documents. */
export function subscribe<T = Record<string, unknown>>(client: Client, query: string, variables?: Record<string, unknown>): Subscription<T>;
export function subscribe<T>(client: Client, document: string | DocumentNode, variables: unknown = {}): Subscription<T> {
  const query = documentText(document);
  const arrived: Received<T>[] = [];
  const waiting: ((result: Received<T>) => void)[] = [];
  const push = (result: Received<T>) => {
    const waiter = waiting.shift();
    if (waiter) waiter(result);
    else arrived.push(result);
  };
  const unsubscribe = client.subscribe<T>(
    { query, variables: variables as Record<string, unknown> },
    {
      next: (result) => push(result as Received<T>),
      error: (error) => push({ errors: Array.isArray(error) ? error : [{ message: String((error as Error).message ?? error) }] }),
      complete: () => {},
    },
  );
  return {
    next: () => {
      const first = arrived.shift();
      return first ? Promise.resolve(first) : new Promise((resolve) => waiting.push(resolve));
    },
    pending: () => arrived.splice(0),
    close: async () => unsubscribe(),
  };
}

/** Waits until `check` holds, polling; for readiness only, never as an assertion on speed. */
export async function until(check: () => boolean | Promise<boolean>, what: string, attempts = 200): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting until ${what}`);
}
