/**
 * The Web API Tool used in real Chromium, the way a person does: sign in, open a list, build a filter with a sort
 * and an include, page forward, open a record and follow a related link, create, edit and delete a record, see a
 * 400 with the errors beside the fields, copy a code snippet, switch portals, accept an approval as the reviewer,
 * and sign out (after which the API answers the page 401).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, type RunningServer, startServer } from '../src/index.js';
import { type Browser, launchBrowser } from './browser-harness.js';

let server: RunningServer;
let base = '';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ port: 0, seed: 'demo', seedSessions: 12, quiet: true });
  base = server.url.replace(/\/$/, '');
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  page = await browser.context.newPage();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(who: keyof typeof DEMO_USERS, next: string): Promise<void> {
  await page.goto(`${base}/account/login/?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(DEMO_USERS[who].email);
  await page.getByLabel('Password').fill(DEMO_USERS[who].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(base + next);
}

const here = () => decodeURIComponent(page.url().slice(base.length));

describe('the Web API Tool in Chromium', () => {
  it('browses: filter, sort, include, paging, a record and a related record', async () => {
    await signIn('alice', '/api/private/stem/session/');
    await expect.poll(() => page.locator('h1').innerText()).toBe('session');
    await page.getByLabel('Filter 1').fill('name.icontains');
    await page.locator('#qv0').fill('session');
    await page.getByLabel('Sort 1').selectOption('name');
    await page.locator('input[name=desc][value="0"]').check();
    await page.getByRole('checkbox', { name: 'projects' }).check();
    await page.getByLabel('limit').fill('5');
    await page.getByRole('button', { name: 'Run query' }).click();
    await page.waitForURL(/filter/);
    expect(here()).toBe(
      '/api/private/stem/session/?filter{name.icontains}=session&sort[]=-name&include[]=projects.*&limit=5',
    );
    const firstNames = await page.locator('#answer-json').innerText();
    expect(firstNames).toContain('"projects": [');
    await page.getByRole('link', { name: 'Next ›' }).click();
    await page.waitForURL(/offset=5/);
    expect(await page.locator('.paging .where').innerText()).toMatch(/^Page 2 of \d+/);
    // The first id link of the answer is the first session's own page.
    await page.locator('#answer-json a.j-str').first().click();
    await page.waitForURL(/\/api\/private\/stem\/session\/[0-9a-f-]{36}\/$/);
    await page.locator('#answer-json a[href^="/api/private/stem/project/"]').first().click();
    await page.waitForURL(/\/api\/private\/stem\/project\/[0-9a-f-]{36}\/$/);
    expect(await page.locator('h1').innerText()).toMatch(/^project › /);
  }, 60_000);

  it('creates, edits and deletes a record, and shows a 400 beside the fields', async () => {
    await page.goto(`${base}/api/private/stem/project/`);
    await page.locator('#write-add > summary').click();
    await page.locator('#write-add-content').fill(JSON.stringify({ name: 'Made in Chromium' }));
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.waitForURL(/\/project\/[0-9a-f-]{36}\/$/);
    expect(await page.getByRole('status').innerText()).toContain('201. Created.');
    const url = page.url();

    await page.locator('#write-edit > summary').click();
    await page.locator('#write-edit-content').fill(JSON.stringify({ description: 'edited in Chromium' }));
    await page.getByRole('button', { name: 'Edit (PATCH)' }).click();
    await page.waitForURL(url);
    expect(await page.locator('#answer-json').innerText()).toContain('"description": "edited in Chromium"');

    await page.locator('#write-edit > summary').click();
    await page.locator('#write-edit-content').fill(JSON.stringify({ name: '' }));
    await page.getByRole('button', { name: 'Edit (PATCH)' }).click();
    await page.waitForURL(`${url}#write-edit`);
    expect(await page.locator('#write-edit-error-name').innerText()).not.toBe('');
    expect(await page.locator('#write-edit-content').inputValue()).toBe(JSON.stringify({ name: '' }));

    await page.locator('#write-delete > summary').click();
    await page.getByRole('button', { name: 'Delete…' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Delete this project?');
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.waitForURL(`${base}/api/private/stem/project/`);
    expect(await page.getByRole('status').innerText()).toContain('204. Deleted.');
    expect((await page.goto(url))?.status()).toBe(404);
  }, 60_000);

  it('swaps the add template for the chosen type', async () => {
    await page.goto(`${base}/api/private/modules/procedure/`);
    await page.locator('#write-add > summary').click();
    const picker = page.getByLabel('Template for type');
    const types = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(types.length).toBeGreaterThan(1);
    const before = JSON.parse(await page.locator('#write-add-content').inputValue());
    expect(before.type).toBe(types[0]);
    await picker.selectOption(types[1] as string);
    const after = JSON.parse(await page.locator('#write-add-content').inputValue());
    expect(after.type).toBe(types[1]);
    expect(after).toHaveProperty('details');
  }, 60_000);

  it('copies a code snippet and switches portals', async () => {
    await page.goto(`${base}/api/private/stem/project/?limit=2`);
    const code = await page.locator('#code-curl').innerText();
    await page.locator('button.copy[data-copy="code-curl"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    expect(code).toContain(`${base}/api/private/stem/project/?limit=2`);
    await page.locator('.portals').getByRole('link', { name: 'public' }).click();
    await page.waitForURL(`${base}/api/public/stem/project/?limit=2`);
    expect(await page.locator('#answer-headers').innerText()).toMatch(/^HTTP 200 OK/);
  }, 60_000);

  it('accepts an approval as the reviewer, and signs out to a 401', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('reviewer', '/api/private/taxonomies/strainapproval/');
    await page.locator('#answer-json a[href^="/api/private/taxonomies/strainapproval/"]').first().click();
    await page.waitForURL(/strainapproval\/[0-9a-f-]{36}\/$/);
    await page.getByRole('button', { name: 'accept' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/accept\/: 200\./);
    expect(await page.locator('#answer-json').innerText()).toContain('"status": "Accepted"');
    await page.getByRole('button', { name: 'Sign out' }).click();
    const res = await page.goto(`${base}/api/private/stem/session/`);
    expect(res?.status()).toBe(401);
    expect(await page.locator('#answer-json').innerText()).toContain('Authentication credentials were not provided.');
  }, 60_000);
});
