/**
 * The demo accounts created by `seed: 'demo'` (`brainstem-server --seed demo`). The tokens are fixed so tests,
 * docs and scripts can use them without logging in. Never use these outside a local server.
 *
 * @example
 * ```ts
 * fetch(`${server.url}api/private/stem/project/`, {
 *   headers: { Authorization: `Bearer ${DEMO_USERS.alice.token}` },
 * });
 * ```
 */
export const DEMO_USERS = {
  alice: {
    email: 'alice@example.org',
    password: 'brainstem-demo',
    token: 'bst_demo_alice_4f1c9a7e2b6d8035',
    name: 'Alice Andersen',
  },
  bob: {
    email: 'bob@example.org',
    password: 'brainstem-demo',
    token: 'bst_demo_bob_93d2e6b1c8a4f570',
    name: 'Bob Berg',
  },
  carol: {
    email: 'carol@example.org',
    password: 'brainstem-demo',
    token: 'bst_demo_carol_1a7b5e9c3d2f8064',
    name: 'Carol Christensen',
  },
  reviewer: {
    email: 'reviewer@example.org',
    password: 'brainstem-demo',
    token: 'bst_demo_reviewer_6e0d4b8a2c9f1735',
    name: 'Rita Reviewer',
  },
} as const;

export type DemoUserName = keyof typeof DEMO_USERS;
