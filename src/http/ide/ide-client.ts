/**
 * The browser half of the IDE page, served as /ide/ide.js (a file of its own, so the page needs no
 * inline script and works under a strict Content-Security-Policy). Plain ES2020 over the UMD
 * globals React, ReactDOM and GraphiQL that the page loads before it.
 *
 * The bar above GraphiQL holds the bearer token: a LogIn answer fills it in, a pasted token works
 * too, and every request carries it unless the headers editor sets its own Authorization. A token
 * the server refuses (401 over HTTP, 4403 on the socket) is dropped with a message saying so, and
 * the request is sent again without it, so the docs and public reads keep working.
 * Subscriptions go over graphql-ws on the same endpoint; GraphiQL shows each event as it comes.
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
    viewerLabel.classList.remove('ide-warning');
    if (token) sessionStorage.setItem(storageKey, token); else sessionStorage.removeItem(storageKey);
  };
  const dropToken = () => {
    showToken('', null);
    viewerLabel.textContent = 'The server no longer accepts the stored token (signed out, expired, or a new signing secret): signed out. Run LogIn again.';
    viewerLabel.classList.add('ide-warning');
  };
  showToken(sessionStorage.getItem(storageKey), null);
  tokenInput.addEventListener('change', () => showToken(tokenInput.value.trim(), null));
  clearButton.addEventListener('click', () => showToken('', null));

  const hasAuthorization = (headers) => Object.keys(headers || {}).some((name) => name.toLowerCase() === 'authorization');

  // Whether the operation to run (the named one, or the document's only one) is a subscription.
  const isSubscription = (query, operationName) => {
    const operations = [...String(query).matchAll(/(^|\})\s*(query|mutation|subscription)\b\s*(\w*)/gm)];
    const chosen = operations.find((match) => operationName && match[3] === operationName) || operations[0];
    return Boolean(chosen && chosen[2] === 'subscription');
  };

  const socketUrl = new URL(config.endpoint, location.href);
  socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  let socket = null;
  let socketAuthorization = null;
  function socketFor(authorization) {
    if (socket && socketAuthorization === authorization) return socket;
    if (socket) socket.dispose();
    socketAuthorization = authorization;
    socket = graphqlWs.createClient({
      url: socketUrl.href,
      connectionParams: authorization ? { authorization } : {},
      retryAttempts: 0,
      on: {
        closed: (event) => {
          if (event && event.code === 4403 && authorization) dropToken();
          if (socket && socketAuthorization === authorization) socket = null;
        },
      },
    });
    return socket;
  }

  // An async iterable of results, which GraphiQL shows one after the other.
  function subscribe(body, authorization) {
    const iterator = socketFor(authorization).iterate({ query: body.query, variables: body.variables || {}, operationName: body.operationName || undefined });
    return {
      [Symbol.asyncIterator]: () => ({
        next: () =>
          iterator.next().catch((error) => ({
            done: false,
            // graphql-ws rejects with the server's GraphQL errors, or with the socket's close event.
            value: {
              errors: Array.isArray(error)
                ? error
                : [{ message: error && error.reason ? 'The socket closed: ' + error.reason : String((error && error.message) || error) }],
            },
          })),
        return: () => iterator.return ? iterator.return() : Promise.resolve({ done: true, value: undefined }),
      }),
    };
  }

  // Ids flow between tabs: every id an answer holds is remembered by its type (a global id is
  // base64url of "Type:key"), and a variable written as a placeholder ("<Brief id>", "<Brand id from
  // Viewer>") is filled with the latest id of that type before the operation is sent.
  const idsKey = 'marketplace-ide-ids';
  const knownIds = JSON.parse(sessionStorage.getItem(idsKey) || '{}');
  const typeOfId = (id) => {
    try {
      const match = /^([A-Za-z]+):/.exec(atob(id.replace(/-/g, '+').replace(/_/g, '/')));
      return match && match[1];
    } catch (error) {
      return null;
    }
  };
  const rememberIds = (value) => {
    if (Array.isArray(value)) return value.forEach(rememberIds);
    if (!value || typeof value !== 'object') return;
    for (const [key, field] of Object.entries(value)) {
      const type = key === 'id' && typeof field === 'string' ? typeOfId(field) : null;
      if (type) knownIds[type] = field;
      else rememberIds(field);
    }
    sessionStorage.setItem(idsKey, JSON.stringify(knownIds));
  };
  const fillIds = (value) => {
    if (typeof value === 'string') return value.replace(/^<(?:your )?(\w+) id(?: from \w+)?>$/, (placeholder, type) => knownIds[type] || placeholder);
    if (Array.isArray(value)) return value.map(fillIds);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, fillIds(field)]));
    return value;
  };

  async function fetcher(params, options) {
    const headers = Object.assign(
      { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      options && options.headers,
    );
    const token = tokenInput.value.trim();
    if (token && !hasAuthorization(options && options.headers)) headers.authorization = 'Bearer ' + token;
    // GraphiQL 3 can keep the operation name of the tab run before; a name the document does not
    // define would fail the request, so it is dropped and the server picks the sole operation.
    const body = Object.assign({}, params, { variables: fillIds(params.variables) });
    if (body.operationName && !new RegExp('\\b(query|mutation|subscription)\\s+' + body.operationName + '\\b').test(body.query)) {
      delete body.operationName;
    }
    if (isSubscription(body.query, body.operationName)) return subscribe(body, headers.authorization);
    let response = await fetch(config.endpoint, { method: 'POST', headers, body: JSON.stringify(body) });
    if (response.status === 401 && headers.authorization && !hasAuthorization(options && options.headers)) {
      dropToken();
      delete headers.authorization;
      response = await fetch(config.endpoint, { method: 'POST', headers, body: JSON.stringify(body) });
    }
    const result = await response.json();
    rememberIds(result && result.data);
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
