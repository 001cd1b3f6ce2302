import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RosterStatus } from './agency.entity.js';
import { nextRosterStatus, RosterAction } from './roster-status.js';

const statuses = Object.values(RosterStatus);
const actions = Object.values(RosterAction);

describe('nextRosterStatus', () => {
  it.each([
    [RosterStatus.INVITED, RosterAction.ACCEPT, RosterStatus.ACTIVE],
    [RosterStatus.INVITED, RosterAction.DECLINE, RosterStatus.DECLINED],
    [RosterStatus.INVITED, RosterAction.END, RosterStatus.ENDED],
    [RosterStatus.ACTIVE, RosterAction.END, RosterStatus.ENDED],
  ])('moves %s on %s to %s', (current, action, next) => {
    expect(nextRosterStatus(current, action)).toBe(next);
  });

  it.each([
    [RosterStatus.ACTIVE, RosterAction.ACCEPT],
    [RosterStatus.ACTIVE, RosterAction.DECLINE],
    [RosterStatus.DECLINED, RosterAction.ACCEPT],
    [RosterStatus.ENDED, RosterAction.ACCEPT],
  ])('refuses %s on %s: an answered invitation cannot be answered again', (current, action) => {
    expect(nextRosterStatus(current, action)).toBeNull();
  });

  it('reaches ACTIVE only by accepting an invitation', () => {
    for (const current of statuses) {
      for (const action of actions) {
        if (nextRosterStatus(current, action) === RosterStatus.ACTIVE) {
          expect([current, action]).toEqual([RosterStatus.INVITED, RosterAction.ACCEPT]);
        }
      }
    }
  });

  it('never reopens a declined or ended membership, whatever sequence of actions follows', () => {
    fc.assert(
      fc.property(fc.constantFrom(RosterStatus.DECLINED, RosterStatus.ENDED), fc.array(fc.constantFrom(...actions)), (closed, sequence) => {
        let status: RosterStatus = closed;
        for (const action of sequence) status = nextRosterStatus(status, action) ?? status;
        expect(status).toBe(closed);
      }),
    );
  });
});
