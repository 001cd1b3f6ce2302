import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit } from 'graphql';

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item));
  }
  return false;
}

/**
 * PostgreSQL cannot store the NUL character in text, so a string holding one would fail deep in a
 * query as a server error. It is never meaningful input: refuse it once, before any resolver runs,
 * whether it arrives in variables or inline in the document.
 */
export function rejectNulCharacters(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let inline = false;
          visit(document, {
            [Kind.STRING]: (node) => {
              if (node.value.includes('\u0000')) inline = true;
            },
          });
          if (inline || containsNul(request.variables)) {
            throw new GraphQLError('Text may not contain the NUL character (\\u0000).', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
