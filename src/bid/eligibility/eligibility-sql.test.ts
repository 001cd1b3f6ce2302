import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '../../db/database-admin.js';
import { type BriefRequirements, type TalentProfile, talentEligibilityProblems, talentMeetsBriefSql } from './eligibility.js';

/**
 * The predicate and its SQL form give the same answer: candidate retrieval offers exactly the
 * talents bid submission would let bid. The SQL form leaves the talent's kind to the table the
 * statement reads, so every case here has the right kind.
 */

const serverUrl = inject('databaseServerUrl');
const database = `eligibility_test_${randomBytes(6).toString('hex')}`;
let client: pg.Client;

beforeAll(async () => {
  await createDatabaseIfMissing(serverUrl, database, inject('templateDatabase'));
  client = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await dropDatabaseIfExists(serverUrl, database);
});

const CREDENTIALS = ['PHYSICIAN', 'PEDIATRICIAN', 'DERMATOLOGIST', 'NUTRITIONIST', 'PHARMACIST'];

const caseArbitrary = fc.record({
  held: fc.subarray(CREDENTIALS),
  required: fc.array(fc.constantFrom(...CREDENTIALS), { maxLength: 4 }),
  credibilityLevel: fc.integer({ min: 1, max: 5 }),
  minCredibilityLevel: fc.integer({ min: 1, max: 5 }),
  capacity: fc.integer({ min: 1, max: 6 }),
  activeDealCount: fc.integer({ min: 0, max: 8 }),
});
type Case = typeof caseArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Each case through the SQL form, read from columns named as the creator and trader tables name them. */
async function sqlAnswers(cases: Case[]): Promise<boolean[]> {
  const { rows } = await client.query<{ meets: boolean }>(
    `select ${talentMeetsBriefSql('x', { requiredCredentials: 'x.required_credentials', minCredibilityLevel: 'x.min_credibility_level' })} as meets
       from jsonb_array_elements($1::jsonb) with ordinality as given(item, position),
            lateral (select array(select jsonb_array_elements_text(item->'held')) as verified_credential_types,
                            (item->>'credibilityLevel')::smallint as credibility_level,
                            (item->>'capacity')::int as capacity,
                            (item->>'activeDealCount')::int as active_deal_count,
                            array(select jsonb_array_elements_text(item->'required')) as required_credentials,
                            (item->>'minCredibilityLevel')::smallint as min_credibility_level) x
      order by position`,
    [JSON.stringify(cases)],
  );
  return rows.map((row) => row.meets);
}

function predicateAnswer(given: Case): boolean {
  const brief: BriefRequirements = { objective: 'SEEDING_CONTENT', requiredCredentials: given.required, minCredibilityLevel: given.minCredibilityLevel };
  const talent: TalentProfile = {
    kind: 'creator',
    verifiedCredentialTypes: given.held,
    credibilityLevel: given.credibilityLevel,
    capacity: given.capacity,
    activeDealCount: given.activeDealCount,
  };
  return talentEligibilityProblems(brief, talent, ['creatorId']).length === 0;
}

describe('talent_meets_brief', () => {
  it('agrees with talentEligibilityProblems on every generated talent and brief', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseArbitrary, { minLength: 1, maxLength: 200 }), async (cases) => {
        expect(await sqlAnswers(cases)).toEqual(cases.map(predicateAnswer));
      }),
      { numRuns: 50 },
    );
  });

  it('agrees at the edges: nothing required, the minimum level itself, the last deal of capacity', async () => {
    const edges: Case[] = [
      { held: [], required: [], credibilityLevel: 1, minCredibilityLevel: 1, capacity: 1, activeDealCount: 0 },
      { held: ['PHYSICIAN'], required: ['PHYSICIAN', 'PHYSICIAN'], credibilityLevel: 3, minCredibilityLevel: 3, capacity: 2, activeDealCount: 1 },
      { held: ['PHYSICIAN'], required: [], credibilityLevel: 5, minCredibilityLevel: 1, capacity: 2, activeDealCount: 2 },
      { held: [], required: ['PHYSICIAN'], credibilityLevel: 5, minCredibilityLevel: 1, capacity: 3, activeDealCount: 0 },
      { held: [], required: [], credibilityLevel: 2, minCredibilityLevel: 3, capacity: 3, activeDealCount: 0 },
    ];
    const answers = await sqlAnswers(edges);
    expect(answers).toEqual(edges.map(predicateAnswer));
    expect(answers).toEqual([true, true, false, false, false]);
  });
});
