'use strict';
/**
 * autocannon `setupRequest` for the bid-submission run, loaded in autocannon's worker thread:
 * each request takes the next prepared bid (its own bidder token and body) from the file named by
 * BENCH_BID_REQUESTS, so no two requests submit the same talent on the same brief.
 */
// autocannon's worker loads this file with require(), so it is CommonJS throughout.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readFileSync } = require('node:fs');

const prepared = JSON.parse(readFileSync(process.env.BENCH_BID_REQUESTS, 'utf8'));
let next = 0;

module.exports = function setupRequest(request) {
  const { token, body } = prepared[next % prepared.length];
  next += 1;
  return { ...request, method: 'POST', body, headers: { ...request.headers, 'content-type': 'application/json', authorization: `Bearer ${token}` } };
};
