import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/** zxcvbn's scale runs 0–4; 3 is "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: ranking the dictionaries takes a moment that start-up should not pay. */
const passwordEstimator = () =>
  (estimator ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    // The common dictionary carries the list of the most used passwords, ranked.
    dictionary: { ...common.dictionary, ...english.dictionary },
  }));

/**
 * Why a password is too easy to guess, in words for the person choosing it; null when it will do.
 * `personal` are the account's own words (email, name), which a guesser would try first.
 */
export function passwordWeakness(password: string, personal: readonly string[] = []): string | null {
  const plain = alphanumeric(password);
  if (personal.some((text) => alphanumeric(text.split('@')[0]!).length >= 4 && plain.includes(alphanumeric(text.split('@')[0]!)))) {
    return 'A password built from your email address or name is among the first a guesser tries; choose words that are not about you.';
  }
  // Whole and in pieces: a guesser tries the parts of an email address as readily as the address.
  const words = personal.flatMap((text) => [text, ...text.split(/[@.\s_+-]+/)]).filter((word) => word.length > 2);
  const result = passwordEstimator().check(password, words);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const reason = result.feedback.warning ?? 'This password would be easy to guess.';
  const [suggestion] = result.feedback.suggestions;
  return suggestion ? `${reason} ${suggestion}` : reason;
}

const alphanumeric = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
