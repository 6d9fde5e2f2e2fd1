// Installing packed tarballs into an empty folder without the network: the folder gets a package-lock.json with
// the monorepo's own resolutions of the third-party packages (their tarballs are in the npm cache since the
// monorepo was installed), so `npm install --offline` never asks the registry for a package's metadata.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  link?: boolean;
  version?: string;
  name?: string;
  resolved?: string;
}

/** The monorepo's lockfile entries for third-party packages, with the registry URL npm would have resolved. */
export function thirdPartyLock(root: string): Record<string, unknown> {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const packages: Record<string, unknown> = { '': { name: 'app', version: '1.0.0' } };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.link || path.includes('brainstem')) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const file = `${name.split('/').pop()}-${entry.version}.tgz`;
    packages[path] = { ...entry, resolved: entry.resolved ?? `https://registry.npmjs.org/${name}/-/${file}` };
  }
  return { name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

/**
 * Writes `package.json` and the offline lockfile into `app` (an empty folder), then installs `tarballs` from the
 * npm cache only. Install scripts are skipped: none of them can run offline.
 */
export function installOffline(root: string, app: string, tarballs: string[]): void {
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify(thirdPartyLock(root)));
  execFileSync('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', ...tarballs], {
    cwd: app,
    stdio: 'ignore',
  });
}
