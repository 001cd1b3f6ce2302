import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/password.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { createBrand, createBrief, createCreator, placeBid } from '../support/bids.js';

// Debian's chromium, which .ci/run installs when it is missing; playwright-core downloads no browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = 'test-results/ide.png';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) process.stderr.write(`skipping the IDE browser test: no Chromium at ${CHROMIUM} (apt-get install chromium)\n`);

describe.skipIf(!haveChromium)('the GraphiQL page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    // The account the page's first tab logs in as, so its example variables work as they stand.
    await server.sql(
      'insert into app_user (id, email, password_hash, display_name, created_at) values (?, ?, ?, ?, now())',
      [randomUUID(), 'brand.infant@demo.market', await hashPassword('marketplace-demo'), 'Infant brand buyer'],
    );
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads with no other host, logs in with the first tab, and shows the result', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const hosts = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol === 'http:' || url.protocol === 'https:') hosts.add(url.hostname);
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // The schema GraphiQL reads for completion and docs: introspection must pass the server's limits.
    const introspection = page.waitForResponse((response) => response.request().postData()?.includes('__schema') ?? false);
    await page.goto(server.url);
    const schema = (await (await introspection).json()) as { data?: { __schema?: { queryType: { name: string } } }; errors?: unknown };
    expect(schema.errors).toBeUndefined();
    expect(schema.data?.__schema?.queryType.name).toBe('Query');
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('.graphiql-tab').count()).toBeGreaterThan(5);

    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toContain('"token"');
    expect(await result.innerText()).toContain('"userErrors": []');
    await expect.poll(() => page.locator('#ide-viewer').innerText()).toMatch(/^Signed in as /);
    expect(await page.locator('#ide-token').inputValue()).toMatch(/^ey/);

    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    expect(pageErrors).toEqual([]);
    expect([...hosts]).toEqual(['127.0.0.1']);
  });

  it('sends the token with the next operation', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('#ide-viewer').innerText(), { timeout: 15_000 }).toMatch(/^Signed in as /);

    await page.locator('.graphiql-tab', { hasText: 'Viewer' }).first().click();
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 15_000 }).toContain('"displayName": "Infant brand buyer"');
  });

  it('drops a token the server no longer accepts, says so, and runs the operation without it', async () => {
    const page = await browser.newPage();
    // A token signed with another secret, as one stored before a restart with a new secret.
    await page.addInitScript(() => sessionStorage.setItem('marketplace-ide-token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmVkLWVsc2V3aGVyZQ'));
    await page.goto(server.url);
    await page.locator('.graphiql-tab', { hasText: 'Viewer' }).first().click();
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('#ide-viewer').innerText(), { timeout: 15_000 }).toMatch(/no longer accepts the stored token/);
    await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 15_000 }).toContain('"viewer": null');
    expect(await page.locator('#ide-token').inputValue()).toBe('');
    expect(await page.evaluate(() => sessionStorage.getItem('marketplace-ide-token'))).toBeNull();
  });

  it('runs a subscription over WebSocket and shows its events as they come', async () => {
    const brand = await createBrand(server);
    const briefId = await createBrief(server, brand);
    const creator = await createCreator(server, 'ide-bidder', { level: 5 });
    const page = await browser.newPage();
    await page.addInitScript((token) => sessionStorage.setItem('marketplace-ide-token', token), brand.owner.token);
    await page.goto(server.url);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 20_000 });
    const query = `subscription BidsOnBrief { bidEvents(briefId: "${briefId}") { __typename } }`;
    await page.evaluate(`document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(${JSON.stringify(query)})`);
    const frames: string[] = [];
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => frames.push(`sent ${String(frame.payload)}`));
      socket.on('framereceived', (frame) => frames.push(`received ${String(frame.payload)}`));
    });
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => frames.some((frame) => frame.startsWith('sent') && frame.includes('"subscribe"')), { timeout: 15_000 }).toBe(true);
    // The server registers the subscription right after reading that message.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await placeBid(server, creator.actor, { briefId, creatorId: creator.id });
    await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 15_000, message: frames.join('\n') }).toContain('"bidEvents"');
    expect(await page.locator('.result-window').innerText()).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('fills an id placeholder in a tab’s variables from an earlier answer', async () => {
    const brand = await createBrand(server);
    const page = await browser.newPage();
    await page.addInitScript((token) => sessionStorage.setItem('marketplace-ide-token', token), brand.owner.token);
    await page.goto(server.url);
    await page.locator('.graphiql-tab', { hasText: 'Viewer' }).first().click();
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 15_000 }).toContain(brand.brandId);

    await page.locator('.graphiql-tab', { hasText: 'BriefCreate' }).first().click();
    const sent = page.waitForRequest((request) => request.postData()?.includes('briefCreate') ?? false);
    await page.locator('.graphiql-execute-button').click();
    const variables = (JSON.parse((await sent).postData()!) as { variables: { input: { brandId: string } } }).variables;
    expect(variables.input.brandId).toBe(brand.brandId);
  });
});
