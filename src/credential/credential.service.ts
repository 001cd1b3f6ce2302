import { CheckConstraintViolationException, type Cursor, LockMode } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { AccessDenied, parseInput, Problem, ProblemCode } from '../common/problems.js';
import { findPage, type PageRequest } from '../common/page.js';
import type { ServiceContext } from '../common/service-context.js';
import type { CredibilityService } from '../credibility/credibility.service.js';
import { seesCredential, visibleCredentialsWhere } from './credential.visibility.js';
import { Credential, CredentialStatus } from './credential.entity.js';
import { CredentialReview, credentialTransitions } from './credential.transitions.js';
import {
  type CredentialRejectValues,
  credentialRejectSchema,
  type CredentialSubmitValues,
  credentialSubmitSchema,
  type CredentialVerifyValues,
  credentialVerifySchema,
} from './credential.inputs.js';

/**
 * Professional credentials: a person submits one for themselves, an admin other than the holder
 * verifies or rejects it, and the holder's credibility follows the verdict in the same
 * transaction.
 */
export class CredentialService {
  constructor(private readonly credibility: CredibilityService) {}

  async submit({ em, viewer }: ServiceContext, input: CredentialSubmitValues): Promise<{ credential: Credential }> {
    if (!viewer) throw new AccessDenied('Sign in first.');
    const data = parseInput(credentialSubmitSchema(new Date()), input);
    const credential = em.create(Credential, { holder: viewer.userId, ...data });
    await em.flush();
    return { credential };
  }

  verify(context: ServiceContext, credentialId: string | null, input: CredentialVerifyValues): Promise<{ credential: Credential }> {
    const { note } = parseInput(credentialVerifySchema, input);
    return this.review(context, credentialId, CredentialReview.VERIFY, (credential) => {
      // Verifying a lapsed licence would grant nothing and mislead whoever reads the status.
      if (credential.expiresAt && credential.expiresAt <= new Date()) {
        throw Problem.of(ProblemCode.INVALID, 'The credential has expired; reject it instead.', ['id']);
      }
      return note;
    });
  }

  reject(context: ServiceContext, credentialId: string | null, input: CredentialRejectValues): Promise<{ credential: Credential }> {
    const { reason } = parseInput(credentialRejectSchema, input);
    return this.review(context, credentialId, CredentialReview.REJECT, () => reason);
  }

  /** The review queue, oldest submission first. */
  pendingReview({ em, viewer }: ServiceContext, page: PageRequest): Promise<Cursor<Credential>> {
    assertAdmin(viewer);
    return findPage(em, Credential, { where: { status: CredentialStatus.PENDING }, orderBy: { createdAt: 'asc', id: 'asc' }, page });
  }

  /** One credential, or null when it is missing or not the viewer's to see: the two look the same. */
  async visibleById({ em, viewer }: ServiceContext, credentialId: string): Promise<Credential | null> {
    const credential = await em.findOne(Credential, credentialId);
    return credential && seesCredential(viewer, { holderId: credential.holder.id, status: credential.status }) ? credential : null;
  }

  /** The credentials of many holders at once that the viewer may see, oldest first, in the order asked. */
  async visibleByHolders({ em, viewer }: ServiceContext, holderIds: readonly string[]): Promise<Credential[][]> {
    const credentials = await em.find(
      Credential,
      { $and: [{ holder: { $in: [...holderIds] } }, visibleCredentialsWhere(viewer)] },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const byHolder = new Map<string, Credential[]>();
    for (const credential of credentials) {
      byHolder.set(credential.holder.id, [...(byHolder.get(credential.holder.id) ?? []), credential]);
    }
    return holderIds.map((holderId) => byHolder.get(holderId) ?? []);
  }

  private async review(
    { em, viewer }: ServiceContext,
    credentialId: string | null,
    verdict: CredentialReview,
    /** The note the holder reads with the verdict; may refuse the verdict for this credential. */
    reviewNoteFor: (credential: Credential) => string | null,
  ): Promise<{ credential: Credential }> {
    const admin = assertAdmin(viewer);
    // The row lock makes a second admin reviewing at the same moment wait and then see the verdict.
    const credential = credentialId
      ? await em.findOne(Credential, credentialId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
      : null;
    if (!credential) throw Problem.notFound('credential', ['id']);
    const holderId = credential.holder.id;
    if (holderId === admin.userId) throw selfReview();
    const status = credentialTransitions.next(credential.status, verdict);
    if (!status) throw Problem.of(ProblemCode.ALREADY_REVIEWED, `The credential was already reviewed (${credential.status}).`, ['id']);
    em.assign(credential, { status, reviewNote: reviewNoteFor(credential), reviewedBy: admin.userId, reviewedAt: new Date() });
    try {
      await em.flush();
    } catch (error) {
      if (error instanceof CheckConstraintViolationException) throw selfReview();
      throw error;
    }
    await this.credibility.refreshForUser(em, holderId);
    return { credential };
  }
}

function assertAdmin(viewer: Viewer | null): Viewer {
  if (!viewer?.isAdmin) throw new AccessDenied('Only admins review credentials.');
  return viewer;
}

function selfReview(): Problem {
  return Problem.of(ProblemCode.SELF_REVIEW, 'Nobody may review their own credential; ask another admin.', ['id']);
}
