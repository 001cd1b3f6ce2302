import { describe, expect, it } from 'vitest';
import { parseInput, Problem } from '../common/problems.js';
import { signUpSchema } from './account.inputs.js';

const valid = { email: ' Ana@Example.COM ', password: 'correct horse', displayName: ' Ana ' };

function refusals(value: unknown): [string, string][] {
  try {
    parseInput(signUpSchema, value);
    return [];
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return error.details.map((detail) => [detail.code, (detail.field ?? []).join('.')]);
  }
}

describe('signUpSchema', () => {
  it('stores the email trimmed and lower-cased, so uniqueness ignores case', () => {
    expect(parseInput(signUpSchema, valid)).toEqual({ email: 'ana@example.com', password: 'correct horse', displayName: 'Ana' });
  });

  it.each([
    ['a malformed email', { email: 'ana@' }, [['INVALID_EMAIL', 'input.email']]],
    ['an email longer than the column', { email: `${'a'.repeat(250)}@example.com` }, [['INVALID_EMAIL', 'input.email']]],
    ['a password of 9 characters', { password: '123456789' }, [['PASSWORD_TOO_SHORT', 'input.password']]],
    ['a password of 201 characters', { password: 'x'.repeat(201) }, [['OUT_OF_RANGE', 'input.password']]],
    ['a blank display name', { displayName: '   ' }, [['OUT_OF_RANGE', 'input.displayName']]],
  ])('refuses %s', (_label, change, expected) => {
    expect(refusals({ ...valid, ...change })).toEqual(expected);
  });

  it('reports every field at fault at once, in the order of the form', () => {
    expect(refusals({ email: 'nope', password: 'short', displayName: '' }).map(([code]) => code)).toEqual([
      'INVALID_EMAIL',
      'PASSWORD_TOO_SHORT',
      'OUT_OF_RANGE',
    ]);
  });
});
