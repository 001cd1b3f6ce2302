import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RosterStatus } from './agency.entity.js';
import { OPEN_ROSTER_STATUSES, RosterAction, RosterParty, rosterMove, rosterTransitions } from './roster.transitions.js';

const nextRosterStatus = (current: RosterStatus, action: RosterAction, party: RosterParty) => rosterTransitions.next(current, rosterMove(party, action));

const statuses = Object.values(RosterStatus);
const actions = Object.values(RosterAction);
const parties = Object.values(RosterParty);

describe('rosterTransitions', () => {
  it.each([
    [RosterStatus.INVITED, RosterAction.ACCEPT, RosterParty.TALENT, RosterStatus.ACTIVE],
    [RosterStatus.INVITED, RosterAction.DECLINE, RosterParty.TALENT, RosterStatus.DECLINED],
    [RosterStatus.INVITED, RosterAction.END, RosterParty.AGENCY, RosterStatus.ENDED],
    [RosterStatus.INVITED, RosterAction.END, RosterParty.TALENT, RosterStatus.DECLINED],
    [RosterStatus.ACTIVE, RosterAction.END, RosterParty.AGENCY, RosterStatus.ENDED],
    [RosterStatus.ACTIVE, RosterAction.END, RosterParty.TALENT, RosterStatus.ENDED],
  ])('moves %s on %s by the %s to %s', (current, action, party, next) => {
    expect(nextRosterStatus(current, action, party)).toBe(next);
  });

  it.each([
    [RosterStatus.ACTIVE, RosterAction.ACCEPT, RosterParty.TALENT],
    [RosterStatus.ACTIVE, RosterAction.DECLINE, RosterParty.TALENT],
    [RosterStatus.DECLINED, RosterAction.ACCEPT, RosterParty.TALENT],
    [RosterStatus.ENDED, RosterAction.ACCEPT, RosterParty.TALENT],
  ])('refuses %s on %s by the %s: an answered invitation cannot be answered again', (current, action, party) => {
    expect(nextRosterStatus(current, action, party)).toBeNull();
  });

  it.each([RosterAction.ACCEPT, RosterAction.DECLINE])('never lets the agency %s its own invitation', (action) => {
    expect(nextRosterStatus(RosterStatus.INVITED, action, RosterParty.AGENCY)).toBeNull();
  });

  it('reaches ACTIVE only by the talent accepting an invitation', () => {
    for (const current of statuses) {
      for (const action of actions) {
        for (const party of parties) {
          if (nextRosterStatus(current, action, party) === RosterStatus.ACTIVE) {
            expect([current, action, party]).toEqual([RosterStatus.INVITED, RosterAction.ACCEPT, RosterParty.TALENT]);
          }
        }
      }
    }
  });

  it('reaches DECLINED only by the talent, so a declined invitation never reads as the agency’s doing', () => {
    for (const current of statuses) {
      for (const action of actions) {
        expect(nextRosterStatus(current, action, RosterParty.AGENCY)).not.toBe(RosterStatus.DECLINED);
      }
    }
  });

  it('never reopens a declined or ended membership, whatever sequence of actions follows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(RosterStatus.DECLINED, RosterStatus.ENDED),
        fc.array(fc.tuple(fc.constantFrom(...actions), fc.constantFrom(...parties))),
        (closed, sequence) => {
          let status: RosterStatus = closed;
          for (const [action, party] of sequence) status = nextRosterStatus(status, action, party) ?? status;
          expect(status).toBe(closed);
        },
      ),
    );
  });

  it('counts as open exactly the statuses a membership can still be ended from', () => {
    for (const party of parties) expect(rosterTransitions.statesAllowing(rosterMove(party, RosterAction.END))).toEqual(OPEN_ROSTER_STATUSES);
  });
});
