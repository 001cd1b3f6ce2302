import { CredChannelVerifyDocument, CredVerificationCodeDocument } from '../generated/graphql.js';
import { type Actor, signUpAdmin, succeeded } from './actors.js';
import type { TestServer } from './test-server.js';

/**
 * Verifies a channel the way the product does: its owner asks for the one-time code and an admin
 * confirms it, which makes the channel's figures count. Declared channels count for nothing.
 */
export async function verifyChannel(server: TestServer, owner: Pick<Actor, 'token'>, channelAccountId: string, admin?: Actor): Promise<void> {
  const { code } = succeeded(await server.graphql(CredVerificationCodeDocument, { channelAccountId }, { token: owner.token }), 'channelAccountVerificationCodeCreate');
  const confirmer = admin ?? (await signUpAdmin(server));
  succeeded(await server.graphql(CredChannelVerifyDocument, { input: { channelAccountId, code } }, { token: confirmer.token }), 'channelAccountVerify');
}
