// The Node entry's default server: `url` option → BRAINSTEM_URL → the `url` saved in config.json → brainstem.org;
// the settings file's location, permissions and error messages. Uses a temporary HOME.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrainstemClient as CoreClient } from '../../src/index.js';
import {
  BrainstemClient,
  configFilePath,
  DEFAULT_URL,
  InvalidArgumentError,
  readSettings,
  savedServerUrl,
  writeSettings,
} from '../../src/node.js';

const ENV_KEYS = ['HOME', 'XDG_CONFIG_HOME', 'BRAINSTEM_URL'] as const;
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bs-config-'));
  process.env.HOME = home;
  delete process.env.XDG_CONFIG_HOME;
  delete process.env.BRAINSTEM_URL;
});
afterEach(() => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  rmSync(home, { recursive: true, force: true });
});

describe('settings file', () => {
  it('sits beside the token cache, owner-only, and stores the URL normalized', async () => {
    expect(configFilePath()).toBe(join(home, '.config', 'brainstem', 'config.json'));
    expect(readSettings()).toEqual({});
    await writeSettings({ url: 'HTTP://127.0.0.1:8000' });
    expect(JSON.parse(readFileSync(configFilePath(), 'utf8'))).toEqual({ url: 'http://127.0.0.1:8000/' });
    expect(statSync(configFilePath()).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, '.config', 'brainstem')).mode & 0o777).toBe(0o700);
    process.env.XDG_CONFIG_HOME = join(home, 'xdg');
    expect(configFilePath()).toBe(join(home, 'xdg', 'brainstem', 'config.json'));
  });

  it('keeps other keys, removes the URL on unset, and rejects a bad URL without touching the file', async () => {
    mkdirSync(join(home, '.config', 'brainstem'), { recursive: true });
    writeFileSync(configFilePath(), '{"url":"http://127.0.0.1:8000/","theme":"dark"}');
    await expect(writeSettings({ url: 'not a url' })).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(readSettings()).toEqual({ url: 'http://127.0.0.1:8000/', theme: 'dark' });
    await writeSettings({ url: undefined });
    expect(readSettings()).toEqual({ theme: 'dark' });
  });

  it('names the file when it holds a bad URL or is not JSON', () => {
    mkdirSync(join(home, '.config', 'brainstem'), { recursive: true });
    writeFileSync(configFilePath(), '{"url":"ftp://x"}');
    expect(() => savedServerUrl()).toThrow(`${configFilePath()}: "url" must be an absolute http(s) URL`);
    writeFileSync(configFilePath(), '{"url":');
    expect(() => new BrainstemClient()).toThrow(`${configFilePath()} is not valid JSON`);
  });
});

describe('BrainstemClient (Node entry) default URL', () => {
  it('uses the saved URL after the url option and BRAINSTEM_URL', async () => {
    expect(new BrainstemClient().url).toBe(DEFAULT_URL);
    await writeSettings({ url: 'http://127.0.0.1:8000' });
    expect(new BrainstemClient().url).toBe('http://127.0.0.1:8000/');
    process.env.BRAINSTEM_URL = 'http://127.0.0.1:9000';
    expect(new BrainstemClient().url).toBe('http://127.0.0.1:9000/');
    expect(new BrainstemClient({ url: 'http://127.0.0.1:7000' }).url).toBe('http://127.0.0.1:7000/');
  });

  it('is a Node setting: the portable core ignores the file', async () => {
    await writeSettings({ url: 'http://127.0.0.1:8000' });
    expect(new CoreClient().url).toBe(DEFAULT_URL);
  });
});
