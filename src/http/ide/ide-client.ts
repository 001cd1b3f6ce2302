/**
 * The browser half of the IDE page, served as /ide/ide.js (a file of its own, so the page needs no
 * inline script and works under a strict Content-Security-Policy). Plain ES2020 over the UMD
 * globals React, ReactDOM and GraphiQL that the page loads before it.
 *
 * The bar above GraphiQL holds the bearer token: a LogIn answer fills it in, a pasted token works
 * too, and every request carries it unless the headers editor sets its own Authorization.
 */
export const IDE_CLIENT_SCRIPT = String.raw`(() => {
  'use strict';
  const config = JSON.parse(document.getElementById('ide-config').textContent);
  const tokenInput = document.getElementById('ide-token');
  const viewerLabel = document.getElementById('ide-viewer');
  const clearButton = document.getElementById('ide-clear');
  const storageKey = 'marketplace-ide-token';

  const showToken = (token, who) => {
    tokenInput.value = token || '';
    viewerLabel.textContent = token ? (who ? 'Signed in as ' + who : 'Using the token above') : 'Not signed in';
    if (token) sessionStorage.setItem(storageKey, token); else sessionStorage.removeItem(storageKey);
  };
  showToken(sessionStorage.getItem(storageKey), null);
  tokenInput.addEventListener('change', () => showToken(tokenInput.value.trim(), null));
  clearButton.addEventListener('click', () => showToken('', null));

  const hasAuthorization = (headers) => Object.keys(headers || {}).some((name) => name.toLowerCase() === 'authorization');

  async function fetcher(params, options) {
    const headers = Object.assign(
      { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      options && options.headers,
    );
    const token = tokenInput.value.trim();
    if (token && !hasAuthorization(options && options.headers)) headers.authorization = 'Bearer ' + token;
    // GraphiQL 3 can keep the operation name of the tab run before; a name the document does not
    // define would fail the request, so it is dropped and the server picks the sole operation.
    const body = Object.assign({}, params);
    if (body.operationName && !new RegExp('\\b(query|mutation|subscription)\\s+' + body.operationName + '\\b').test(body.query)) {
      delete body.operationName;
    }
    const response = await fetch(config.endpoint, { method: 'POST', headers, body: JSON.stringify(body) });
    const result = await response.json();
    const session = result && result.data && result.data.logIn;
    if (session && session.token) showToken(session.token, session.user && session.user.displayName);
    return result;
  }

  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: config.tabs,
      // GraphiQL 3 fills the first tab's editors from these props, not from defaultTabs.
      query: config.tabs[0] && config.tabs[0].query,
      variables: config.tabs[0] && config.tabs[0].variables,
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  );
})();
`;
