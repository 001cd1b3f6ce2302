/**
 * The application's services by name, as resolvers, jobs and commands reach them. Declared empty
 * here and filled in by the composition root (src/app/services.ts) through declaration merging, so
 * infrastructure carries them without importing a single domain module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppServices {}
