import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword, verifyPassword } from '../auth/password.js';
import type { TokenService } from '../auth/tokens.js';
import { Viewer, type ViewerSource } from '../auth/viewer.js';
import { parseInput, Problem } from '../common/problems.js';
import type { ServiceContext } from '../common/service-context.js';
import { flushOrProblem } from '../db/flush.js';
import { signUpSchema, type SignUpValues } from './account.inputs.js';
import { AccountProblem } from './account.problems.js';
import { User } from './account.entity.js';

export interface Session {
  user: User;
  token: string;
  expiresAt: Date;
}

// Compared against when the email is unknown, so a wrong email costs as long as a wrong password
// and response times do not reveal which accounts exist. Made on first use, not at start-up.
let unknownUserHash: Promise<string> | undefined;
const placeholderHash = () => (unknownUserHash ??= hashPassword('unknown-user-placeholder-password'));

export class AccountService implements ViewerSource {
  constructor(private readonly tokens: TokenService) {}

  async signUp({ em }: ServiceContext, input: SignUpValues): Promise<Session> {
    const { email, password, displayName } = parseInput(signUpSchema, input);
    const user = em.create(User, { email, displayName, passwordHash: await hashPassword(password) });
    await flushOrProblem(em, () =>
      Problem.of(AccountProblem.EMAIL_TAKEN, 'An account with this email already exists; log in instead.', ['input', 'email']),
    );
    return { user, ...(await this.tokens.issue(user.id)) };
  }

  async logIn({ em }: ServiceContext, input: { email: string; password: string }): Promise<Session> {
    const user = await em.findOne(User, { email: input.email.trim().toLowerCase() }, { populate: ['passwordHash'] });
    const matches = await verifyPassword(input.password, user?.passwordHash ?? (await placeholderHash()));
    if (!user || !matches) {
      throw Problem.of(AccountProblem.INVALID_CREDENTIALS, 'The email and password do not match an account.');
    }
    return { user, ...(await this.tokens.issue(user.id)) };
  }

  /**
   * The viewer behind a verified token, or null when the account no longer exists. A function, so
   * that each connection plans it once (viewer-of-account.sql).
   */
  async loadViewer(em: EntityManager, userId: string): Promise<Viewer | null> {
    const [row] = await em
      .getConnection()
      .execute<{ id: string; is_admin: boolean; brand_ids: string[]; agency_ids: string[]; creator_id: string | null; trader_id: string | null }[]>(
        'select * from viewer_of_account(?::uuid)',
        [userId],
      );
    if (!row) return null;
    return new Viewer(row.id, row.is_admin, new Set(row.brand_ids), new Set(row.agency_ids), row.creator_id, row.trader_id);
  }
}
