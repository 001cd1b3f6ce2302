import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';

/**
 * Text PostgreSQL cannot store: the NUL character, and UTF-16 that is not well formed (a lone
 * surrogate, which has no UTF-8 encoding). Neither is ever meaningful input.
 */
function isUnstorable(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** In a Unicode-mode pattern a surrogate pair is one code point, so `\p{Cs}` matches only a lone half. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Walks the variables with a stack of its own rather than by recursion: JSON nested a hundred
 * thousand levels deep fits in a one-megabyte body, and must not overflow the call stack.
 */
function containsUnstorable(variables: unknown): boolean {
  const pending: unknown[] = [variables];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (isUnstorable(value)) return true;
    } else if (Array.isArray(value)) {
      // One by one: spreading half a million items as arguments would overflow the stack too.
      for (const item of value) pending.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (isUnstorable(key)) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

// Apollo keeps one parsed document per query text, so a document seen before needs no second
// walk: clients send the same few queries over and over with different variables.
const inlineUnstorable = new WeakMap<DocumentNode, boolean>();
function hasInlineUnstorable(document: DocumentNode): boolean {
  let found = inlineUnstorable.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      [Kind.STRING]: (node) => {
        if (isUnstorable(node.value)) found = true;
      },
    });
    inlineUnstorable.set(document, found);
  }
  return found;
}

/** The error for text that cannot be stored, or null when every string in the request can be. */
export function unstorableTextError(document: DocumentNode, variables: unknown): GraphQLError | null {
  if (!hasInlineUnstorable(document) && !containsUnstorable(variables)) return null;
  return new GraphQLError('Text may not contain the NUL character (\\u0000) or a lone UTF-16 surrogate; send valid Unicode text.', {
    extensions: { code: 'BAD_USER_INPUT', reason: 'UNSTORABLE_TEXT', http: { status: 400 } },
  });
}

/**
 * A string PostgreSQL cannot store would fail deep in a query as a server error. Every text input,
 * in variables or inline in the document, is checked once here, before any resolver runs.
 */
export function rejectUnstorableText(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const error = unstorableTextError(document, request.variables);
          if (error) throw error;
        },
      };
    },
  };
}
