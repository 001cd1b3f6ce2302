import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';

/**
 * Walks the variables with a stack of its own rather than by recursion: JSON nested a hundred
 * thousand levels deep fits in a one-megabyte body, and must not overflow the call stack.
 */
function containsNul(variables: unknown): boolean {
  const pending: unknown[] = [variables];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (Array.isArray(value)) {
      // One by one: spreading half a million items as arguments would overflow the stack too.
      for (const item of value) pending.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/**
 * PostgreSQL cannot store the NUL character in text, so a string holding one would fail deep in a
 * query as a server error. It is never meaningful input: refuse it once, before any resolver runs,
 * whether it arrives in variables or inline in the document.
 */
export function rejectNulCharacters(): ApolloServerPlugin {
  // Apollo keeps one parsed document per query text, so a document seen before needs no second
  // walk: clients send the same few queries over and over with different variables.
  const inlineNul = new WeakMap<DocumentNode, boolean>();
  const hasInlineNul = (document: DocumentNode): boolean => {
    let found = inlineNul.get(document);
    if (found === undefined) {
      found = false;
      visit(document, {
        [Kind.STRING]: (node) => {
          if (node.value.includes('\u0000')) found = true;
        },
      });
      inlineNul.set(document, found);
    }
    return found;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          if (hasInlineNul(document) || containsNul(request.variables)) {
            throw new GraphQLError('Text may not contain the NUL character (\\u0000).', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
