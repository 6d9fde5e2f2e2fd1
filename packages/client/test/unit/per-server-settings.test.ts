// Settings of one server in config.json (`servers[<normalized url>]`): written and read by URL in any spelling,
// kept beside the default server, removed when empty; a bad value fails naming the file and the command that sets
// it. Uses a temporary HOME.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  configFilePath,
  InvalidArgumentError,
  readSettings,
  savedServerSettings,
  savedServerUrl,
  writeServerSettings,
  writeSettings,
} from '../../src/node.js';

const ENV_KEYS = ['HOME', 'XDG_CONFIG_HOME'] as const;
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bs-server-settings-'));
  process.env.HOME = home;
  delete process.env.XDG_CONFIG_HOME;
});
afterEach(() => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  rmSync(home, { recursive: true, force: true });
});

const LAB = 'http://lab-server.example:8000/';

describe('per-server settings', () => {
  it('are stored under the normalized URL and read back in any spelling', async () => {
    await writeServerSettings('HTTP://Lab-Server.example:8000', { allowInsecure: true });
    expect(readSettings().servers).toEqual({ [LAB]: { allowInsecure: true } });
    expect(savedServerSettings(LAB)).toEqual({ allowInsecure: true });
    expect(savedServerSettings('http://lab-server.example:8000')).toEqual({ allowInsecure: true });
    expect(savedServerSettings('http://lab-server.example:8001/')).toEqual({});
  });

  it('live beside the default server: writing one keeps the other', async () => {
    await writeSettings({ url: LAB });
    await writeServerSettings(LAB, { allowInsecure: true });
    await writeSettings({ url: 'http://127.0.0.1:8000/' });
    expect(savedServerUrl()).toBe('http://127.0.0.1:8000/');
    expect(savedServerSettings(LAB)).toEqual({ allowInsecure: true });
  });

  it('a server left without settings is removed, and so is an empty map', async () => {
    await writeServerSettings(LAB, { allowInsecure: true });
    await writeServerSettings(LAB, { allowInsecure: undefined });
    expect(savedServerSettings(LAB)).toEqual({});
    expect(JSON.parse(readFileSync(configFilePath(), 'utf8'))).toEqual({});
  });

  it('a bad value fails naming the file and the command that sets it', () => {
    mkdirSync(dirname(configFilePath()), { recursive: true });
    writeFileSync(configFilePath(), JSON.stringify({ servers: { [LAB]: { allowInsecure: 'yes' } } }));
    const err = (() => {
      try {
        savedServerSettings(LAB);
      } catch (e) {
        return e as InvalidArgumentError;
      }
      throw new Error('expected an error');
    })();
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(err.message).toContain(configFilePath());
    expect(err.message).toContain(
      '"allowInsecure" of http://lab-server.example:8000/ must be true or false, got "yes"',
    );
    expect(err.message).toContain(`brainstem config set allow-insecure true --url ${LAB}`);
    writeFileSync(configFilePath(), JSON.stringify({ servers: [] }));
    expect(() => savedServerSettings(LAB)).toThrow('"servers" must be an object of server URLs');
  });
});
