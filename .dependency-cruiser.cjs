/**
 * The layer rule (docs/architecture.md), held by `npm run lint`.
 *
 * - Infrastructure (config, auth, common, db, graphql, events, http, observability, queue) serves every
 *   module and knows none: it imports no domain module and not the composition root.
 * - Domain modules never import the composition root (src/app, and its entry points src/cli and
 *   src/scripts); the root is the only place that lists them.
 * - Only the root's development and command-line paths load the demo and synthetic data (seeds/).
 */
const INFRASTRUCTURE = '^src/(config|auth|common|db|graphql|events|http|observability|queue)/';
const ROOT = '^src/(app|cli|scripts)/';

module.exports = {
  forbidden: [
    {
      name: 'infrastructure-imports-no-module',
      comment: 'Infrastructure must not know the domain modules or the root; take what you need as a parameter or a port.',
      severity: 'error',
      from: { path: INFRASTRUCTURE, pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: INFRASTRUCTURE },
    },
    {
      name: 'modules-do-not-import-the-root',
      comment: 'Domain modules are listed by the composition root, never the other way round.',
      severity: 'error',
      from: { path: '^src/', pathNot: [INFRASTRUCTURE, ROOT] },
      to: { path: ROOT },
    },
    {
      name: 'only-the-root-loads-seeds',
      comment: 'Demo and synthetic data are loaded by the development and CLI paths of the root only.',
      severity: 'error',
      from: { path: '^src/', pathNot: ROOT },
      to: { path: '^seeds/' },
    },
    {
      name: 'no-cycles-in-infrastructure',
      comment: 'Infrastructure folders form layers; two that import each other are one folder in disguise.',
      severity: 'error',
      from: { path: INFRASTRUCTURE },
      to: { path: INFRASTRUCTURE, circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
