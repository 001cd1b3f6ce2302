import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Every answer says `cache-control: no-store`, as Apollo's cache-control plugin said it for a
 * schema without cache hints, which ours is: answers depend on who asks. Apollo's plugin is
 * disabled in its favour because it computed a cache policy for every resolved field of every
 * request (a hook per field) only to arrive at that same header.
 */
export function noStoreResponses(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
