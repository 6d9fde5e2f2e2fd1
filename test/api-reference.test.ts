// The API reference (`npm run docs`, TypeDoc): entry points named as users import them, one BrainstemClient page
// that opens with load/save/delete and groups the generated methods, and a page that reads without JavaScript.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../packages/server/test/browser-harness.js';

interface Reflection {
  id: number;
  name: string;
  children?: Reflection[];
  groups?: { title: string; children: number[] }[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let out: string;
let model: Reflection;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'bs-typedoc-'));
  execFileSync('npx', ['typedoc', '--out', join(out, 'html'), '--json', join(out, 'model.json')], {
    cwd: root,
    stdio: 'ignore',
  });
  model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as Reflection;
}, 180_000);
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const entry = (name: string) => model.children?.find((c) => c.name === name) as Reflection;

describe('API reference', () => {
  it('names each entry point the way it is imported', () => {
    expect(model.children?.map((c) => c.name).sort()).toEqual([
      'brainstem-api-tools',
      'brainstem-api-tools/import',
      'brainstem-api-tools/node',
      'brainstem-api-tools/registry',
      'brainstem-api-tools/schemas',
    ]);
  });

  it('has one BrainstemClient page: CRUD first, loaders and special actions in their own groups', () => {
    const pages = model.children?.flatMap((m) => (m.children ?? []).filter((c) => c.name === 'BrainstemClient'));
    expect(pages).toHaveLength(1);
    const client = entry('brainstem-api-tools').children?.find((c) => c.name === 'BrainstemClient') as Reflection;
    const titles = client.groups?.map((g) => g.title) ?? [];
    expect(titles.filter((t) => t !== 'Constructors')[0]).toBe('CRUD');
    expect(titles).toEqual(expect.arrayContaining(['Loaders', 'Special actions', 'Bulk writes', 'Authentication']));
    const names = (title: string) =>
      client.groups
        ?.find((g) => g.title === title)
        ?.children.map((id) => client.children?.find((c) => c.id === id)?.name) ?? [];
    expect(names('CRUD').slice(0, 5)).toEqual(['load', 'loadAll', 'iterate', 'save', 'delete']);
    expect(names('Loaders')).toEqual(expect.arrayContaining(['loadSession', 'loadProject', 'loadSubject']));
    expect(names('CRUD')).not.toContain('loadSession');
  });

  it('shows the client page content with JavaScript turned off', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
      const url = pathToFileURL(join(out, 'html', 'classes', 'brainstem-api-tools.BrainstemClient.html')).href;
      await page.goto(url);
      await expect(
        page
          .getByRole('heading', { name: /BrainstemClient/ })
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await expect(page.locator('#load').first().isVisible()).resolves.toBe(true);
    } finally {
      await browser.close();
    }
  });
});
