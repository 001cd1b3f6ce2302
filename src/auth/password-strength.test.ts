import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './password-strength.js';

describe('passwordWeakness', () => {
  it.each(['password12', '1234567890', '          ', 'qwertyuiop', 'iloveyou12'])('refuses %j, which a guesser tries early', (password) => {
    expect(passwordWeakness(password)).toEqual(expect.any(String));
  });

  it('refuses a password made of the account’s own email', () => {
    expect(passwordWeakness('JaneDoe.Example.com!', ['jane.doe@example.com', 'Jane Doe'])).toEqual(expect.any(String));
  });

  it.each(['correct horse battery', 'Tr0ub4dour&3xtra', 'plum kettle orbit 42'])('accepts %j', (password) => {
    expect(passwordWeakness(password)).toBeNull();
  });
});
