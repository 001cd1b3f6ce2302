import type { ApolloServerPlugin } from '@apollo/server';

const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables, error limit reached. Execution aborted.';

/**
 * graphql-js stops coercing variables after 50 errors and appends one last error that says so.
 * Apollo gives the other coercion errors BAD_USER_INPUT but not that one, so a request with many
 * bad list items would come back (and be logged) as an internal server error. It is the client's
 * input like the rest: give it the same code. Registered before the error-masking plugin, which
 * reads the codes.
 */
export function typeVariableErrorLimit(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.extensions.code === undefined && error.message === TOO_MANY_VARIABLE_ERRORS) {
              (error.extensions as Record<string, unknown>).code = 'BAD_USER_INPUT';
            }
          }
        },
      };
    },
  };
}
