import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { Kind, type DocumentNode } from 'graphql';
import type { RequestContext } from '../graphql/context.js';

/** What the logs and the metrics record about one GraphQL request once its answer is ready. */
export interface OperationOutcome {
  /** The operation the request ran, or the name the client asked for when none resolved. */
  operationName: string | null;
  operationType: 'query' | 'mutation' | 'subscription' | null;
  /** Top-level error codes first, then the `userErrors` codes of the mutation payloads; each once. */
  errorCodes: string[];
  httpStatus: number;
}

export function operationOutcome(request: GraphQLRequestContextWillSendResponse<RequestContext>): OperationOutcome {
  const codes = new Set<string>();
  const body = request.response.body;
  if (body.kind === 'single') {
    for (const error of body.singleResult.errors ?? []) {
      codes.add(typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR');
    }
    for (const code of userErrorCodes(body.singleResult.data)) codes.add(code);
  }
  return {
    operationName: request.operationName ?? request.request.operationName ?? soleOperationName(request.document),
    operationType: request.operation?.operation ?? null,
    errorCodes: [...codes],
    httpStatus: request.response.http.status ?? 200,
  };
}

/** A document that parsed but failed validation still names its operation when it has just one. */
function soleOperationName(document: DocumentNode | undefined): string | null {
  const operations = document?.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 ? (operations[0]!.name?.value ?? null) : null;
}

/** Payloads answer a user's mistake as `userErrors { code }` beside the result, one level down. */
function userErrorCodes(data: Record<string, unknown> | null | undefined): string[] {
  if (!data) return [];
  const codes: string[] = [];
  for (const payload of Object.values(data)) {
    if (!payload || typeof payload !== 'object' || !('userErrors' in payload) || !Array.isArray(payload.userErrors)) continue;
    for (const userError of payload.userErrors as { code?: unknown }[]) {
      if (typeof userError?.code === 'string') codes.push(userError.code);
    }
  }
  return codes;
}
