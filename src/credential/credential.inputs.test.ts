import { describe, expect, it } from 'vitest';
import { parseInput, Problem } from '../common/problems.js';
import { credentialRejectSchema, credentialSubmitSchema, credentialVerifySchema } from './credential.inputs.js';

const NOW = new Date('2026-11-24T12:00:00Z');
const valid = { type: 'DERMATOLOGIST', issuer: ' Shanghai Medical Council ', licenseNumber: ' SH-123 ' };

function refusals(schema: Parameters<typeof parseInput>[0], value: unknown): [string, string][] {
  try {
    parseInput(schema, value);
    return [];
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return error.details.map((detail) => [detail.code, (detail.field ?? []).join('.')]);
  }
}

describe('credentialSubmitSchema', () => {
  it('trims text and treats omitted evidence and expiry as none', () => {
    expect(parseInput(credentialSubmitSchema(NOW), valid)).toEqual({
      type: 'DERMATOLOGIST',
      issuer: 'Shanghai Medical Council',
      licenseNumber: 'SH-123',
      evidenceUrl: null,
      expiresAt: null,
    });
  });

  it('accepts an expiry in the future and an https evidence link', () => {
    const input = { ...valid, expiresAt: new Date('2027-01-01T00:00:00Z'), evidenceUrl: 'https://registry.example.com/SH-123' };
    expect(refusals(credentialSubmitSchema(NOW), input)).toEqual([]);
  });

  it.each([
    ['an expiry in the past', { expiresAt: new Date('2026-11-24T11:59:59Z') }, [['INVALID', 'input.expiresAt']]],
    ['an expiry right now', { expiresAt: NOW }, [['INVALID', 'input.expiresAt']]],
    ['a non-web evidence link', { evidenceUrl: 'ftp://files.example.com/scan.pdf' }, [['INVALID', 'input.evidenceUrl']]],
    ['a blank issuer', { issuer: '  ' }, [['OUT_OF_RANGE', 'input.issuer']]],
    ['a licence number over 100 characters', { licenseNumber: 'x'.repeat(101) }, [['OUT_OF_RANGE', 'input.licenseNumber']]],
  ])('refuses %s', (_label, change, expected) => {
    expect(refusals(credentialSubmitSchema(NOW), { ...valid, ...change })).toEqual(expected);
  });
});

describe('review inputs', () => {
  it('turns a blank verification note into none', () => {
    expect(parseInput(credentialVerifySchema, { note: '  ' })).toEqual({ note: null });
    expect(parseInput(credentialVerifySchema, {})).toEqual({ note: null });
  });

  it('requires a reason to reject', () => {
    expect(refusals(credentialRejectSchema, { reason: '   ' })).toEqual([['OUT_OF_RANGE', 'input.reason']]);
    expect(parseInput(credentialRejectSchema, { reason: ' licence not on the register ' })).toEqual({ reason: 'licence not on the register' });
  });
});
