// The warning for a server listening beyond loopback speaks of demo tokens and passwords only when the database
// holds demo users. The servers here listen on 127.0.0.1; the warning is asked for the host a user might pass.
import { afterEach, describe, expect, it } from 'vitest';
import { createUser } from '../src/auth/users.js';
import { demoUsersIn, exposureWarning } from '../src/exposure.js';
import { type RunningServer, startServer } from '../src/index.js';

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(seed: 'demo' | 'none') {
  const s = await startServer({ port: 0, seed, quiet: true });
  servers.push(s);
  return s;
}

describe('exposure warning', () => {
  it('a database without demo users: no warning, whatever the host', async () => {
    const s = await start('none');
    createUser(s.ctx.db, {
      email: 'lab@example.org',
      password: 'a-long-lab-password',
      first_name: 'L',
      last_name: 'Ab',
    });
    expect(demoUsersIn(s.ctx.db)).toEqual([]);
    expect(exposureWarning('0.0.0.0', s.ctx.db)).toBeUndefined();
    expect(exposureWarning('192.168.1.20', s.ctx.db)).toBeUndefined();
  });

  it('with demo users: a warning naming them beyond loopback, none on loopback', async () => {
    const s = await start('demo');
    expect(demoUsersIn(s.ctx.db)).toEqual(['alice', 'bob', 'carol', 'reviewer']);
    expect(exposureWarning('0.0.0.0', s.ctx.db)).toMatch(
      /^brainstem-server: WARNING: listening on 0\.0\.0\.0, reachable from other machines, with demo users \(alice, bob, carol, reviewer\) whose tokens and passwords are public/,
    );
    expect(exposureWarning('127.0.0.1', s.ctx.db)).toBeUndefined();
    expect(exposureWarning('localhost', s.ctx.db)).toBeUndefined();
  });
});
