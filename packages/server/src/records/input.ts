/** A request body after validation: what the write functions store. */
export type WriteMode = 'create' | 'replace' | 'update';

export interface ValidInput {
  /** Column values to store (JSON fields already serialised). */
  columns: Record<string, unknown>;
  /** Relation lists to store, in order. */
  lists: Record<string, (string | number)[]>;
  /** Computed-but-writable fields (project/group `users`, `groups`), handled by the grant code. */
  special: Record<string, unknown>;
}
