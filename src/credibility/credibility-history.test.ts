import { describe, expect, it } from 'vitest';
import { NO_TRACK_RECORD } from './credibility.js';
import { describeTrackRecord, explainChange, type ScoreFacts } from './credibility-history.js';

const before: ScoreFacts = { score: 28, level: 2, claimable: [], totalFollowers: 1_000, audienceQuality: 0.95 };

describe('explainChange', () => {
  it('names the credential that started counting', () => {
    const change = explainChange(before, { ...before, score: 52, level: 4, claimable: ['PEDIATRICIAN', 'PHYSICIAN'] }, NO_TRACK_RECORD, null);
    expect(change).toEqual({
      reason: 'CREDENTIAL_VERIFIED',
      explanation: 'Verified credential now counts: PEDIATRICIAN, PHYSICIAN. Score 28 → 52, level L2 → L4.',
    });
  });

  it('names the credential that stopped counting', () => {
    const verified = { ...before, score: 52, level: 4, claimable: ['PHARMACIST'] };
    expect(explainChange(verified, before, NO_TRACK_RECORD, null)).toMatchObject({ reason: 'CREDENTIAL_LAPSED' });
    expect(explainChange(verified, before, NO_TRACK_RECORD, null).explanation).toContain('PHARMACIST');
  });

  it('tells an audience change by its new figures', () => {
    const change = explainChange(before, { ...before, score: 30, totalFollowers: 12_500, audienceQuality: 1 }, NO_TRACK_RECORD, null);
    expect(change).toEqual({ reason: 'AUDIENCE_CHANGED', explanation: 'Channel accounts changed: 12,500 followers, 100 % of them real. Score 28 → 30, level L2.' });
  });

  it('puts a settlement first and sums up the record it added to', () => {
    const record = {
      dealsCompleted: 8,
      deliverablesTotal: 16,
      deliverablesOnTime: 15,
      guaranteedDeals: 2,
      guaranteeAttainment: 1.5,
      averageRoiBp: 42_000,
      roiDeals: 8,
      reviewCount: 7,
      reviewAverage: 4.857,
    };
    const change = explainChange(before, { ...before, score: 71, level: 5, claimable: ['PEDIATRICIAN'] }, record, { reason: 'DEAL_SETTLED' });
    expect(change.reason).toBe('DEAL_SETTLED');
    expect(change.explanation).toBe(
      'A deal was settled; the track record now counts 8 settled deals, 15 of 16 deliverables on time, 75 % of guaranteed GMV achieved, average ROI 4.2×, 7 reviews averaging 4.9 of 5. Score 28 → 71, level L2 → L5.',
    );
  });

  it('calls anything else a recalculation', () => {
    expect(explainChange(before, { ...before, score: 29 }, NO_TRACK_RECORD, null).reason).toBe('RECALCULATED');
  });
});

describe('describeTrackRecord', () => {
  it('says only what the record holds', () => {
    expect(describeTrackRecord({ ...NO_TRACK_RECORD, dealsCompleted: 1 })).toBe('1 settled deal');
  });
});

describe('explainChange for verification and audits', () => {
  const facts = { score: 0, level: 1, claimable: [], totalFollowers: 0, audienceQuality: 0 };
  it('tells what happened, says when a level dropped and what holds it back', () => {
    const dropped = explainChange({ ...facts, score: 40, level: 3 }, facts, NO_TRACK_RECORD, { reason: 'CHANNEL_VERIFICATION_DROPPED', detail: 'The DOUYIN handle changed from a to b, so its verification was dropped.' });
    expect(dropped.reason).toBe('CHANNEL_VERIFICATION_DROPPED');
    expect(dropped.explanation).toBe('The DOUYIN handle changed from a to b, so its verification was dropped. Score 40 → 0, level L3 → L1 (dropped).');
    const held = explainChange(facts, { ...facts, score: 30 }, NO_TRACK_RECORD, { reason: 'AUDIENCE_CHANGED' }, 'L2 needs a verified channel or credential');
    expect(held.explanation).toContain('Level held at L1: L2 needs a verified channel or credential.');
  });
});
