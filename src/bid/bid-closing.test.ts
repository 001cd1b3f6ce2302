import { describe, expect, it } from 'vitest';
import { Problem } from '../common/problems.js';
import { moveBid } from './bid-closing.js';
import type { Bid } from './bid.entity.js';

const bidIn = (status: Bid['status']) => ({ status }) as Bid;

describe('moveBid', () => {
  it('moves a bid as the transition table says', () => {
    const bid = bidIn('COUNTERED');
    moveBid(bid, 'ACCEPT_COUNTER');
    expect(bid.status).toBe('AGREED');
  });

  it('refuses a move the table does not allow with ILLEGAL_TRANSITION naming the status, and leaves the bid as it was', () => {
    const bid = bidIn('WITHDRAWN');
    let problem: unknown;
    try {
      moveBid(bid, 'REVISE');
    } catch (error) {
      problem = error;
    }
    expect(problem).toBeInstanceOf(Problem);
    expect((problem as Problem).details).toEqual([{ code: 'ILLEGAL_TRANSITION', field: ['id'], message: 'This bid is WITHDRAWN and cannot be revised.' }]);
    expect(bid.status).toBe('WITHDRAWN');
  });
});
