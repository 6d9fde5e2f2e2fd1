/**
 * The shape of the demo data: plain records that name each other by key. The loader (`seed/demo.ts`) turns
 * keys into ids, objects and arrays into stored JSON and booleans into 0/1, and inserts the records in order.
 */
import type { DemoUserName } from '../../demo-users.js';
import type { LEVEL } from '../../permissions/levels.js';

/** A reference to another demo record (or a demo user) by its key. */
export interface Ref {
  ref: string;
}

/** A field holding the id of the demo record (or user) with this key. */
export const ref = (key: string): Ref => ({ ref: key });

export type LevelName = keyof typeof LEVEL;

/** A role on a project (project record) or on a personal attribute (any other record): for a user or a group. */
export type Access = ({ user: string } | { group: string }) & { level: LevelName };

/** A member of a group. */
export interface Membership {
  user: string;
  role: 'member' | 'owner';
}

export interface DemoRecord {
  model: string;
  /** What other records call this one (`ref(key)`). */
  key?: string;
  /** Key of the owning user; `null` for accepted shared records (taxonomies, resources). Default `alice`. */
  owner?: string | null;
  /** Writable fields: literals, `ref(key)`, or objects and arrays for JSON fields. */
  fields: Record<string, unknown>;
  /** Relation lists, in order. */
  lists?: Record<string, Ref[]>;
  /** Fields the API sets itself: an approval's status, a log's user. */
  serverFields?: Record<string, unknown>;
  /** Roles granted on the record right after it is created. */
  access?: Access[];
  /** Members of a group. */
  members?: Membership[];
}

/** A demo account (email, password and token in `DEMO_USERS`) and its profile. */
export interface DemoPerson {
  key: DemoUserName;
  isStaff?: boolean;
  profile?: { website?: string; orcid_id?: string };
}
