import { GraphQLError } from 'graphql';

export function unauthenticated(message = 'Sign in first: send `Authorization: Bearer <token>` from logIn.') {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message = 'You do not have access to this operation.') {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badUserInput(message: string, argument?: string) {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}
