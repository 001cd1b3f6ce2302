import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MONEY_AMOUNT } from '../common/money.js';
import { parseInput, Problem } from '../common/problems.js';
import {
  audienceSchema,
  channelAccountAddSchema,
  channelAccountUpdateSchema,
  creatorProfileCreateSchema,
  rateCardSchema,
  withoutNulls,
} from './creator.inputs.js';

/** The [code, field path] pairs a schema refuses `value` with, or [] when it accepts it. */
function refusals(schema: Parameters<typeof parseInput>[0], value: unknown): [string, string][] {
  try {
    parseInput(schema, value);
    return [];
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return error.details.map((detail) => [detail.code, (detail.field ?? []).join('.')]);
  }
}

const audience = { femaleShare: 0.7, maleShare: 0.3, ageBands: [{ band: 'AGE_25_30', share: 0.6 }, { band: 'AGE_31_40', share: 0.4 }], topRegions: [] };

describe('audienceSchema', () => {
  it('accepts shares that add up to exactly 1, or a hair above through rounding', () => {
    expect(refusals(audienceSchema, audience)).toEqual([]);
    expect(refusals(audienceSchema, { ...audience, femaleShare: 0.7000005 })).toEqual([]);
  });

  it.each([
    ['a negative share', { femaleShare: -0.1 }, [['OUT_OF_RANGE', 'input.femaleShare']]],
    ['a share above 1', { maleShare: 1.2, femaleShare: 0 }, [['OUT_OF_RANGE', 'input.maleShare']]],
    ['female and male above 1', { femaleShare: 0.8, maleShare: 0.3 }, [['INVALID', 'input.maleShare']]],
    ['age bands above 1', { ageBands: [{ band: 'AGE_18_24', share: 0.6 }, { band: 'AGE_25_30', share: 0.5 }] }, [['INVALID', 'input.ageBands']]],
    ['a band twice', { ageBands: [{ band: 'AGE_18_24', share: 0.2 }, { band: 'AGE_18_24', share: 0.2 }] }, [['INVALID', 'input.ageBands.1.band']]],
    ['an age-band share above 1', { ageBands: [{ band: 'AGE_18_24', share: 1.5 }] }, [['OUT_OF_RANGE', 'input.ageBands.0.share']]],
    ['regions above 1', { topRegions: [{ region: 'Shanghai', share: 0.7 }, { region: 'Beijing', share: 0.4 }] }, [['INVALID', 'input.topRegions']]],
    ['a region twice', { topRegions: [{ region: 'Shanghai', share: 0.1 }, { region: 'shanghai', share: 0.1 }] }, [['INVALID', 'input.topRegions.1.region']]],
  ])('refuses %s', (_label, change, expected) => {
    expect(refusals(audienceSchema, { ...audience, ...change })).toEqual(expected);
  });

  it('accepts any shares in range that add up to at most 1 and refuses any that add up to more', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }), (shares) => {
        const bands = ['UNDER_18', 'AGE_18_24', 'AGE_25_30', 'AGE_31_40', 'AGE_41_50', 'OVER_50'];
        const ageBands = shares.map((share, index) => ({ band: bands[index], share }));
        const sum = shares.reduce((total, share) => total + share, 0);
        const result = refusals(audienceSchema, { ...audience, ageBands });
        expect(result).toEqual(sum > 1 + 1e-6 ? [['INVALID', 'input.ageBands']] : []);
      }),
    );
  });
});

describe('channelAccountAddSchema', () => {
  const valid = { platform: 'DOUYIN', handle: ' dr.lin ', followers: 1000 };

  it('fills in defaults and trims the handle', () => {
    expect(parseInput(channelAccountAddSchema, valid)).toMatchObject({
      handle: 'dr.lin',
      averageViews: 0,
      engagementRate: 0,
      realFollowerShare: 1,
      audience: { femaleShare: 0, maleShare: 0, ageBands: [], topRegions: [] },
    });
  });

  it.each([
    ['negative followers', { followers: -1 }, 'input.followers'],
    ['negative average views', { averageViews: -5 }, 'input.averageViews'],
    ['an engagement rate above 1', { engagementRate: 1.01 }, 'input.engagementRate'],
    ['a negative real-follower share', { realFollowerShare: -0.01 }, 'input.realFollowerShare'],
    ['a blank handle', { handle: '   ' }, 'input.handle'],
  ])('refuses %s as OUT_OF_RANGE', (_label, change, field) => {
    expect(refusals(channelAccountAddSchema, { ...valid, ...change })).toEqual([['OUT_OF_RANGE', field]]);
  });

  it('reports nested audience problems under input.audience', () => {
    expect(refusals(channelAccountAddSchema, { ...valid, audience: { ...audience, femaleShare: 0.9 } })).toEqual([['INVALID', 'input.audience.maleShare']]);
  });
});

describe('channelAccountUpdateSchema', () => {
  it('leaves out what was not given', () => {
    expect(parseInput(channelAccountUpdateSchema, { followers: 5 })).toEqual({ followers: 5 });
  });
});

describe('creatorProfileCreateSchema', () => {
  it('normalises niche tags, de-duplicates vertical slugs and fills in defaults', () => {
    expect(
      parseInput(creatorProfileCreateSchema, { displayName: ' Dr Lin ', kind: 'PROFESSIONAL', nicheTags: ['Hyaluronic Acid', 'hyaluronic-acid'], verticalSlugs: ['beauty', 'beauty'] }),
    ).toEqual({ displayName: 'Dr Lin', bio: '', kind: 'PROFESSIONAL', verticalSlugs: ['beauty'], nicheTags: ['hyaluronic-acid'], capacity: 3 });
  });

  it.each([
    ['a blank display name', { displayName: ' ' }, 'input.displayName'],
    ['capacity 0', { capacity: 0 }, 'input.capacity'],
    ['capacity 101', { capacity: 101 }, 'input.capacity'],
  ])('refuses %s as OUT_OF_RANGE', (_label, change, field) => {
    expect(refusals(creatorProfileCreateSchema, { displayName: 'X', kind: 'REVIEWER', ...change })).toEqual([['OUT_OF_RANGE', field]]);
  });
});

describe('rateCardSchema', () => {
  const card = { currency: 'CNY', minCommissionBp: 1500, rates: [{ format: 'SHORT_VIDEO', minFixedFee: { amount: 500_00, currency: 'CNY' } }] };

  it('accepts a card whose rates are all in its currency, including the bounds', () => {
    expect(refusals(rateCardSchema, card)).toEqual([]);
    expect(refusals(rateCardSchema, { ...card, minCommissionBp: 10_000, rates: [{ format: 'ARTICLE', minFixedFee: { amount: MAX_MONEY_AMOUNT, currency: 'CNY' } }] })).toEqual([]);
    expect(refusals(rateCardSchema, { ...card, minCommissionBp: 0, rates: [{ format: 'ARTICLE', minFixedFee: { amount: 0, currency: 'CNY' } }] })).toEqual([]);
  });

  it.each([
    ['a rate in another currency', { rates: [{ format: 'SHORT_VIDEO', minFixedFee: { amount: 1, currency: 'USD' } }] }, [['INVALID', 'input.rates.0.minFixedFee.currency']]],
    [
      'a format priced twice',
      { rates: [{ format: 'LIVE_STREAM', minFixedFee: { amount: 1, currency: 'CNY' } }, { format: 'LIVE_STREAM', minFixedFee: { amount: 2, currency: 'CNY' } }] },
      [['INVALID', 'input.rates.1.format']],
    ],
    ['a negative fee', { rates: [{ format: 'SHORT_VIDEO', minFixedFee: { amount: -1, currency: 'CNY' } }] }, [['OUT_OF_RANGE', 'input.rates.0.minFixedFee.amount']]],
    ['a fee above the maximum', { rates: [{ format: 'SHORT_VIDEO', minFixedFee: { amount: MAX_MONEY_AMOUNT + 1, currency: 'CNY' } }] }, [['OUT_OF_RANGE', 'input.rates.0.minFixedFee.amount']]],
    ['a commission above 10000 bp', { minCommissionBp: 10_001 }, [['OUT_OF_RANGE', 'input.minCommissionBp']]],
    ['a negative commission', { minCommissionBp: -1 }, [['OUT_OF_RANGE', 'input.minCommissionBp']]],
  ])('refuses %s', (_label, change, expected) => {
    expect(refusals(rateCardSchema, { ...card, ...change })).toEqual(expected);
  });
});

describe('withoutNulls', () => {
  it('drops null and undefined but keeps falsy values', () => {
    expect(withoutNulls({ a: null, b: undefined, c: 0, d: '', e: false })).toEqual({ c: 0, d: '', e: false });
  });
});
