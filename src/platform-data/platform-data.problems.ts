import { defineProblems } from '../common/problems.js';

/** Refusals of channel verification and of connector snapshots. */
export const PlatformDataProblem = defineProblems({
  VERIFICATION_CODE_INVALID: 'The verification code is not one issued for this channel and its current handle.',
  VERIFICATION_CODE_USED: 'The verification code was already used; ask the creator for a new one.',
  VERIFICATION_CODE_EXPIRED: 'The verification code has expired; the creator can ask for a new one.',
  CHANNEL_ALREADY_VERIFIED: 'The channel’s ownership is already verified.',
  CHANNEL_NOT_VERIFIED: 'The channel’s ownership is not verified, so no figures can be recorded for it yet.',
  SNAPSHOT_OUT_OF_ORDER: 'A snapshot taken at or after this time is already recorded for the channel.',
  SNAPSHOT_ID_REUSED: 'The connector already sent a snapshot with this id and other content.',
});
