import { createRequire } from 'node:module';
import path from 'node:path';
import type { Express, RequestHandler } from 'express';
import { findExamplesDirectory, ideTabs, readExamples, type IdeTab } from './example-tabs.js';
import { IDE_CLIENT_SCRIPT } from './ide-client.js';

const require = createRequire(import.meta.url);
const packageDirectory = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/**
 * Every asset the page loads, served from node_modules: the page works with no internet and
 * names no other host. GraphiQL 3 is the line that still ships a prebuilt browser bundle (its CSS
 * embeds its fonts); React 18 is the newest React with browser (UMD) builds, and GraphiQL 3 needs it.
 */
const ASSETS = new Map<string, { file: string; type: string }>(Object.entries({
  'graphiql.min.js': { file: path.join(packageDirectory('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: path.join(packageDirectory('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'graphql-ws.min.js': { file: path.join(packageDirectory('graphql-ws'), 'umd', 'graphql-ws.min.js'), type: 'text/javascript' },
  'react.production.min.js': { file: path.join(packageDirectory('react'), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': {
    file: path.join(packageDirectory('react-dom'), 'umd', 'react-dom.production.min.js'),
    type: 'text/javascript',
  },
}));

export const IDE_ASSET_PATH = '/ide';

/** JSON inside a <script> element: `<` escaped so no value can close the element early. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function idePage(options: { endpoint: string; tabs: IdeTab[] }): string {
  const asset = (name: string) => `${IDE_ASSET_PATH}/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Marketplace GraphQL IDE</title>
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<style>
  body { margin: 0; height: 100vh; display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  #ide-bar { display: flex; gap: 0.5rem; align-items: center; padding: 0.4rem 0.8rem; border-bottom: 1px solid #ddd; font-size: 0.9rem; }
  #ide-bar input { flex: 1; font-family: monospace; padding: 0.2rem 0.4rem; }
  #graphiql { flex: 1; min-height: 0; }
  #ide-viewer.ide-warning { color: #a40000; font-weight: 600; }
</style>
</head>
<body>
<div id="ide-bar">
  <label for="ide-token">Bearer token</label>
  <input id="ide-token" autocomplete="off" spellcheck="false" placeholder="Run the LogIn tab, or paste a token">
  <button id="ide-clear" type="button">Sign out</button>
  <span id="ide-viewer" role="status">Not signed in</span>
</div>
<div id="graphiql">Loading the IDE…</div>
<script type="application/json" id="ide-config">${scriptJson(options)}</script>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('graphql-ws.min.js')}"></script>
<script src="${asset('ide.js')}"></script>
</body>
</html>
`;
}

/** A browser navigating to the endpoint: a GET whose Accept prefers HTML to JSON. */
function wantsPage(request: Parameters<RequestHandler>[0]): boolean {
  return request.method === 'GET' && request.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/**
 * Serves the GraphiQL page at GET `endpoint` for browsers and its assets under /ide/. Mount it
 * before the GraphQL middleware; JSON GETs and POSTs pass through untouched.
 */
export function mountIde(app: Express, options: { endpoint: string }): void {
  const examples = findExamplesDirectory();
  const page = idePage({ endpoint: options.endpoint, tabs: examples ? ideTabs(readExamples(examples)) : [] });

  app.get(options.endpoint, (request, response, next) => {
    if (!wantsPage(request)) return next();
    response.vary('Accept').type('html').setHeader('cache-control', 'no-cache');
    response.send(page);
  });
  app.get(`${IDE_ASSET_PATH}/ide.js`, (_request, response) => {
    response.type('text/javascript').setHeader('cache-control', 'no-cache');
    response.send(IDE_CLIENT_SCRIPT);
  });
  app.get(`${IDE_ASSET_PATH}/:file`, (request, response, next) => {
    const asset = ASSETS.get(request.params.file);
    if (!asset) return next();
    response.type(asset.type).sendFile(asset.file, { maxAge: '1h' });
  });
}
