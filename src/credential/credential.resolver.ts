import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UserType } from '../account/account.types.js';
import { User } from '../account/account.entity.js';
import { Role } from '../auth/viewer.js';
import { Creator } from '../creator/creator.entity.js';
import { CreatorType } from '../creator/creator.types.js';
import { PageArgs, pageRequest, toConnection, withCursorCheck } from '../graphql/connection.js';
import { type RequestContext, loader } from '../graphql/context.js';
import { idOfType } from '../graphql/global-id.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import { Trader } from '../trader/trader.entity.js';
import { TraderType } from '../trader/trader.types.js';
import { seesPrivateDetails } from './credential.visibility.js';
import { Credential } from './credential.entity.js';
import { CredentialRejectInput, CredentialSubmitInput, CredentialVerifyInput } from './credential.inputs.js';
import { CredentialConnection, CredentialNodeType, CredentialPayload } from './credential.types.js';

defineNode({ typeName: 'Credential', entity: Credential, load: (context, id) => context.services.credentials.visibleById(context, id) });

/** One statement per request for every holder whose credentials the query asks for. */
function credentialsOf(context: RequestContext, holderId: string): Promise<Credential[]> {
  return loader(context, 'credential.visibleByHolder', (ctx) => new DataLoader<string, Credential[]>((holderIds) => ctx.services.credentials.visibleByHolders(ctx, holderIds))).load(holderId);
}

const credentialsDescription = 'Professional credentials: everyone sees the verified ones; the holder and admins also see pending and rejected ones.';

@Resolver(() => CredentialNodeType)
export class CredentialResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Licence or certificate number; null unless you are the holder or an admin.' })
  licenseNumber(@Root() credential: Credential, @Ctx() { viewer }: RequestContext): string | null {
    return seesPrivateDetails(viewer, credential.holder.id) ? credential.licenseNumber : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Link to the evidence; null when none was given or you are neither the holder nor an admin.' })
  evidenceUrl(@Root() credential: Credential, @Ctx() { viewer }: RequestContext): string | null {
    return seesPrivateDetails(viewer, credential.holder.id) ? (credential.evidenceUrl ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The reviewer’s note or rejection reason; null unless you are the holder or an admin.' })
  reviewNote(@Root() credential: Credential, @Ctx() { viewer }: RequestContext): string | null {
    return seesPrivateDetails(viewer, credential.holder.id) ? (credential.reviewNote ?? null) : null;
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The account holding the credential; null unless you are the holder or an admin.' })
  async holder(@Root() credential: Credential, @Ctx() { viewer }: RequestContext): Promise<User | null> {
    return seesPrivateDetails(viewer, credential.holder.id) ? credential.holder.load() : null;
  }

  @Authorized(Role.ADMIN)
  @Query(() => CredentialConnection, { description: 'Credentials waiting for review, oldest first. Admins only.' })
  async credentialsPendingReview(@Args(() => PageArgs) args: PageArgs, @Ctx() context: RequestContext) {
    const page = pageRequest(args);
    return toConnection(await withCursorCheck(() => context.services.credentials.pendingReview(context, page)));
  }

  @Authorized()
  @Mutation(() => CredentialPayload, { description: 'Submits a credential of the signed-in account for review by an admin.' })
  credentialSubmit(@Arg('input', () => CredentialSubmitInput, { description: 'The credential to submit.' }) input: CredentialSubmitInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.credentials.submit(tx, input));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CredentialPayload, {
    description: 'Marks a pending credential as verified and updates the holder’s credibility. Admins only, never for their own credential.',
  })
  credentialVerify(
    @Arg('id', () => ID, { description: 'Global id of the credential.' }) id: string,
    @Arg('input', () => CredentialVerifyInput, { nullable: true, description: 'An optional note for the holder.' }) input: CredentialVerifyInput | null,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.credentials.verify(tx, idOfType(id, 'Credential'), input ?? {}));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CredentialPayload, {
    description: 'Rejects a pending credential with a reason and updates the holder’s credibility. Admins only, never for their own credential.',
  })
  credentialReject(
    @Arg('id', () => ID, { description: 'Global id of the credential.' }) id: string,
    @Arg('input', () => CredentialRejectInput, { description: 'Why it is rejected.' }) input: CredentialRejectInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.credentials.reject(tx, idOfType(id, 'Credential'), input));
  }
}

@Resolver(() => CreatorType)
export class CreatorCredentialsResolver {
  @FieldResolver(() => [CredentialNodeType], { description: credentialsDescription })
  credentials(@Root() creator: Creator, @Ctx() context: RequestContext): Promise<Credential[]> {
    return credentialsOf(context, creator.user.id);
  }
}

@Resolver(() => TraderType)
export class TraderCredentialsResolver {
  @FieldResolver(() => [CredentialNodeType], { description: credentialsDescription })
  credentials(@Root() trader: Trader, @Ctx() context: RequestContext): Promise<Credential[]> {
    return credentialsOf(context, trader.user.id);
  }
}

@Resolver(() => UserType)
export class UserCredentialsResolver {
  @FieldResolver(() => [CredentialNodeType], { description: 'Every credential the account holds, whatever its status.' })
  credentials(@Root() user: User, @Ctx() context: RequestContext): Promise<Credential[]> {
    return credentialsOf(context, user.id);
  }
}
