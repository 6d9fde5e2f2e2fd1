// Writes docs/web-api-tool.png: the Web API Tool's session list as a signed-in demo user sees it in headless
// Chromium at 1280 px. Starts the built server with the demo data on a free loopback port (npm run build first).
// Usage: node scripts/screenshot-web-api-tool.mjs [out.png]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT } from './bench-lib/processes.mjs';
import { startServerCommand } from './bench-lib/server-command.mjs';

const CHROMIUM = '/usr/bin/chromium';
const OUT = process.argv[2] ?? join(ROOT, 'docs/web-api-tool.png');
const ALICE = { email: 'alice@example.org', password: 'brainstem-demo' };
const LIST = '/api/private/stem/session/?sort[]=-date_time&include[]=projects.*&limit=5';

if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium`);
const server = await startServerCommand(['--seed', 'demo']);
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const base = server.url.replace(/\/$/, '');
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${base}/account/login/?next=${encodeURIComponent(LIST)}`);
  await page.getByLabel('Email').fill(ALICE.email);
  await page.getByLabel('Password').fill(ALICE.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}${LIST}`);
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  await server.stop();
}
