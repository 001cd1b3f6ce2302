import { readFileSync } from 'node:fs';
import { type DefinitionNode, Kind, parse, print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoDataIfEmpty } from '../seeds/demo.js';
import { useTestServer } from './support/test-server.js';
import { createLogger } from '../src/observability/logger.js';

// The README's tour, run as written: every operation of the section, in README order, each as the
// account the `<!-- tour: as … -->` line before its block names. `<Type id>` takes the id of that
// type from the answers before it: a mutation's answer replaces the value, a query's only fills a
// placeholder not yet set (so a list read along the way never takes the place of what the tour
// just made). Dates move by the days between the day the tour was written and today.
const TOUR_WRITTEN = Date.parse('2026-12-08T00:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

interface TourOperation {
  actor: string;
  text: string;
  line: number;
}

function tourOperations(): TourOperation[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('## A five-minute tour');
  const end = readme.indexOf('\n## ', start + 1);
  const before = readme.slice(0, start).split('\n').length;
  const lines = readme.slice(start, end).split('\n');
  const operations: TourOperation[] = [];
  let actor: string | null = null;
  for (let index = 0; index < lines.length; index += 1) {
    const annotation = /^<!-- tour: as (\S+) -->$/.exec(lines[index]!);
    if (annotation) {
      actor = annotation[1]!;
      continue;
    }
    const fence = /^```(\w*)$/.exec(lines[index]!);
    if (!fence || !fence[1]) continue;
    const close = lines.indexOf('```', index + 1);
    const body = lines.slice(index + 1, close).join('\n');
    const line = before + index;
    if (!actor) throw new Error(`README line ${line}: a tour block without a <!-- tour: as … --> line before it`);
    if (fence[1] === 'graphql') {
      for (const definition of parse(body).definitions) operations.push({ actor, text: print(definition as DefinitionNode), line });
    } else if (fence[1] === 'sh') {
      const json = /-d '(.*)'/.exec(body)?.[1];
      if (!json) throw new Error(`README line ${line}: a shell block without a -d '{"query": …}' body`);
      operations.push({ actor, text: (JSON.parse(json) as { query: string }).query, line });
    }
    actor = null;
    index = close;
  }
  return operations;
}

function isMutation(text: string): boolean {
  return parse(text).definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'mutation');
}

/** Every `id` in an answer, with the type its global id names. */
function* idsIn(value: unknown): Generator<[type: string, id: string]> {
  if (Array.isArray(value)) {
    for (const item of value) yield* idsIn(item);
  } else if (value && typeof value === 'object') {
    for (const [key, field] of Object.entries(value)) {
      if (key === 'id' && typeof field === 'string') {
        const type = /^([A-Za-z]+):/.exec(Buffer.from(field, 'base64').toString('utf8'))?.[1];
        if (type) yield [type, field];
      } else {
        yield* idsIn(field);
      }
    }
  }
}

/** Every non-empty `userErrors` list in an answer. */
function userErrorsIn(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(userErrorsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, field]) => (key === 'userErrors' && Array.isArray(field) ? field : userErrorsIn(field)));
}

const server = useTestServer({ HOUSEKEEPING_INTERVAL_MS: '3600000' });
const tokens = new Map<string, string>();

beforeAll(async () => {
  await seedDemoDataIfEmpty(server.app.orm, server.app.core, createLogger({ level: 'silent', pretty: false }));
});

async function tokenOf(email: string): Promise<string | undefined> {
  if (email === 'anyone') return undefined;
  if (!tokens.has(email)) {
    const result = await server.graphql<{ logIn: { token: string } }>(
      `mutation($email: String!, $password: String!) { logIn(input: { email: $email, password: $password }) { token } }`,
      { email, password: DEMO_PASSWORD },
    );
    tokens.set(email, result.data!.logIn.token);
  }
  return tokens.get(email);
}

describe('the README tour', () => {
  const operations = tourOperations();

  it('has an operation for every step, each as a named account or anyone', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it('runs as written, in order, without an error or a user error', async () => {
    const shift = Math.floor((Date.now() - TOUR_WRITTEN) / DAY) * DAY;
    const ids = new Map<string, string>();
    for (const operation of operations) {
      const where = `README line ${operation.line}, as ${operation.actor}: ${operation.text}`;
      const text = operation.text
        .replace(/<(\w+) id>/g, (placeholder, type: string) => {
          const id = ids.get(type);
          if (!id) throw new Error(`${where}\n${placeholder} is not known yet`);
          return id;
        })
        .replace(/"(\d{4}-\d{2}-\d{2})(T[\d:.]+Z)?"/g, (_, date: string, time: string | undefined) => {
          const moved = new Date(Date.parse(`${date}T00:00:00Z`) + shift).toISOString().slice(0, 10);
          return `"${moved}${time ?? ''}"`;
        });
      const token = await tokenOf(operation.actor);
      const result = await server.graphql(text, {}, token ? { token } : {});
      expect(result.errors, where).toBeUndefined();
      expect(userErrorsIn(result.data), where).toEqual([]);
      const mutation = isMutation(text);
      for (const [type, id] of idsIn(result.data)) if (mutation || !ids.has(type)) ids.set(type, id);
    }
  });
});
