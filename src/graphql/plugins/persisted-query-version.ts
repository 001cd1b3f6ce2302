import type { ApolloServerPlugin } from '@apollo/server';

const UNSUPPORTED_VERSION = 'Unsupported persisted query version';

/**
 * Apollo answers a persisted query of a version other than 1 with a 400 whose error has no code,
 * which the error masking would then report as internal. It is the client's mistake: say so, typed.
 */
export function typePersistedQueryVersionError(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.message === UNSUPPORTED_VERSION && error.extensions.code === undefined) {
              (error.extensions as Record<string, unknown>).code = 'BAD_REQUEST';
            }
          }
        },
      };
    },
  };
}
