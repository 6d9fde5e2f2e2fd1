/**
 * Tables derived from the model registry: one table per model, scalar fields as columns, relation lists as
 * junction tables, read-only reverse lists computed from the other side.
 *
 * @example
 * ```ts
 * const t = tableOf('session');
 * t.table; // 't_session'
 * t.lists.map((l) => l.field.name); // ['projects', 'datastorage']
 * ```
 */
import type BetterSqlite3 from 'better-sqlite3';
import { type FieldSpec, findModel, idKind, isComputed, MODELS, type ModelSpec } from 'brainstem-api-description';

/** How one field of a model is stored or produced. */
export type FieldStorage =
  /** A column of the model's table (scalars, JSON text, single relations). */
  | 'column'
  /** Rows of a junction table (writable relation lists). */
  | 'junction'
  /** Read-only reverse list computed from the field `via` on the target model. */
  | 'reverse'
  /** A registry `computed` field, produced by code in records/computed.ts (links, rrid_url, project users, …). */
  | 'computed';

/** A relation list stored in a junction table (or in a "through" model's table). */
export interface Junction {
  field: FieldSpec;
  table: string;
  src: string;
  dst: string;
  /** Ordering column. */
  pos: string;
  /** When the junction is itself a model (session.datastorage → sessiondatastorage). */
  throughModel?: string;
}

export interface ModelTable {
  model: ModelSpec;
  table: string;
  /** Users and groups have integer ids; everything else UUID strings. */
  intId: boolean;
  storage: Map<string, FieldStorage>;
  /** Fields stored as columns (excluding `id`). */
  columns: FieldSpec[];
  lists: Junction[];
  reverse: FieldSpec[];
  computed: FieldSpec[];
}

/** Tables whose name is not `t_<model>`: the `user` model lives in the accounts table `users` (auth/users.ts). */
const TABLE_NAMES: Readonly<Record<string, string>> = { user: 'users' };

/** Whether a relation points at a model with integer ids. */
export function targetIsInt(field: FieldSpec): boolean {
  const target = field.target ? findModel(field.target) : undefined;
  return target !== undefined && idKind(target) === 'integer';
}

function storageOf(f: FieldSpec): FieldStorage {
  if (isComputed(f)) return 'computed';
  if (f.type === 'relation_list') return f.via ? 'reverse' : 'junction';
  return 'column';
}

function build(model: ModelSpec): ModelTable {
  const table = TABLE_NAMES[model.name] ?? `t_${model.name}`;
  const storage = new Map<string, FieldStorage>();
  const columns: FieldSpec[] = [];
  const lists: Junction[] = [];
  const reverse: FieldSpec[] = [];
  const computed: FieldSpec[] = [];
  for (const f of model.fields) {
    if (f.name === 'id') continue;
    const s = storageOf(f);
    storage.set(f.name, s);
    if (s === 'column') columns.push(f);
    else if (s === 'reverse') reverse.push(f);
    else if (s === 'computed') computed.push(f);
    else {
      // A list kept in another documented model's rows (registry `through`, e.g. session.datastorage).
      const through = f.through;
      if (through) {
        lists.push({
          field: f,
          table: `t_${through.model}`,
          src: through.sourceField,
          dst: through.targetField,
          pos: `"${through.orderField}"`,
          throughModel: through.model,
        });
      } else {
        lists.push({ field: f, table: `j_${model.name}_${f.name}`, src: 'src', dst: 'dst', pos: 'pos' });
      }
    }
  }
  const intId = idKind(model) === 'integer';
  return { model, table, intId, storage, columns, lists, reverse, computed };
}

const tables = new Map<string, ModelTable>();
for (const m of MODELS as readonly ModelSpec[]) tables.set(m.name, build(m));

/** Storage layout of a model (by URL name or alias). Throws for unknown models. */
export function tableOf(model: string | ModelSpec): ModelTable {
  const name = typeof model === 'string' ? (findModel(model)?.name ?? model) : model.name;
  const t = tables.get(name);
  if (!t) throw new TypeError(`Unknown model ${name}`);
  return t;
}

/** Every model's storage layout, in registry order. */
export function allTables(): ModelTable[] {
  return [...tables.values()];
}

function sqlType(f: FieldSpec): string {
  if (f.type === 'integer' || f.type === 'boolean') return 'INTEGER';
  if (f.type === 'relation') return targetIsInt(f) ? 'INTEGER' : 'TEXT';
  return 'TEXT';
}

/** Quote an identifier for SQL (field names such as `order` are keywords). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** What a create without the field stores in a column (see `defaultFor` in records/write.ts). */
export type ColumnDefault = (t: ModelTable, column: string) => unknown;

/**
 * Adds the columns the registry has and a table made by an earlier version lacks, each holding what a create
 * without the field stores, so that a database file keeps working when the registry gains a field. In one
 * transaction: a file is upgraded whole or not at all.
 */
function addNewColumns(db: BetterSqlite3.Database, defaultOf: ColumnDefault): void {
  db.transaction(() => {
    for (const t of tables.values()) {
      if (t.table === 'users') continue;
      const have = new Set(
        (db.prepare('SELECT name FROM pragma_table_info(?)').all(t.table) as { name: string }[]).map((r) => r.name),
      );
      if (have.size === 0) continue; // not made yet: CREATE TABLE makes every column
      for (const f of t.columns) {
        if (have.has(f.name)) continue;
        const column = quoteIdentifier(f.name);
        db.exec(`ALTER TABLE ${t.table} ADD COLUMN ${column} ${sqlType(f)}`);
        const value = defaultOf(t, f.name);
        if (value !== null && value !== undefined) db.prepare(`UPDATE ${t.table} SET ${column} = ?`).run(value);
      }
    }
  })();
}

/**
 * DDL for every registry model plus the permission tables. Idempotent; tables of an existing file gain the
 * registry's new columns (filled with `defaultOf`).
 */
export function createSchema(db: BetterSqlite3.Database, defaultOf: ColumnDefault = () => null): void {
  addNewColumns(db, defaultOf);
  const ddl: string[] = [];
  for (const t of tables.values()) {
    if (t.table === 'users') continue; // created by the auth module
    const cols = [
      t.intId ? 'id INTEGER PRIMARY KEY AUTOINCREMENT' : 'id TEXT NOT NULL UNIQUE',
      ...t.columns.map((f) => `${quoteIdentifier(f.name)} ${sqlType(f)}`),
      'created_date TEXT NOT NULL',
      'modified_date TEXT NOT NULL',
      // Hidden: the user who created the record (owner of personal attributes, submitter of approvals).
      'owner_id INTEGER',
    ];
    ddl.push(`CREATE TABLE IF NOT EXISTS ${t.table} (${cols.join(', ')});`);
    for (const f of t.columns) {
      if (f.type === 'relation')
        ddl.push(`CREATE INDEX IF NOT EXISTS ${t.table}_${f.name} ON ${t.table}(${quoteIdentifier(f.name)});`);
      // Uniqueness of approval rows is checked against the approved table, not enforced here.
      if (f.unique && t.model.family !== 'approval') {
        ddl.push(`CREATE UNIQUE INDEX IF NOT EXISTS ${t.table}_${f.name}_u ON ${t.table}(${quoteIdentifier(f.name)});`);
      }
    }
    for (const j of t.lists) {
      if (j.throughModel) continue;
      const srcType = t.intId ? 'INTEGER' : 'TEXT';
      const dstType = targetIsInt(j.field) ? 'INTEGER' : 'TEXT';
      ddl.push(
        `CREATE TABLE IF NOT EXISTS ${j.table} (src ${srcType} NOT NULL, dst ${dstType} NOT NULL, pos INTEGER NOT NULL, PRIMARY KEY (src, dst)) WITHOUT ROWID;`,
        `CREATE INDEX IF NOT EXISTS ${j.table}_dst ON ${j.table}(dst, src);`,
      );
    }
  }
  ddl.push(`
CREATE TABLE IF NOT EXISTS project_grants (
  project_id TEXT NOT NULL,
  user_id INTEGER,
  group_id INTEGER,
  level INTEGER NOT NULL,
  UNIQUE (project_id, user_id, group_id)
);
CREATE INDEX IF NOT EXISTS project_grants_user ON project_grants(user_id);
CREATE INDEX IF NOT EXISTS project_grants_group ON project_grants(group_id);
CREATE TABLE IF NOT EXISTS attr_grants (
  model TEXT NOT NULL,
  record_id TEXT NOT NULL,
  user_id INTEGER,
  group_id INTEGER,
  level INTEGER NOT NULL,
  UNIQUE (model, record_id, user_id, group_id)
);
CREATE INDEX IF NOT EXISTS attr_grants_user ON attr_grants(user_id);
CREATE INDEX IF NOT EXISTS attr_grants_group ON attr_grants(group_id);
CREATE TABLE IF NOT EXISTS group_members (
  group_id INTEGER NOT NULL,
  user_id INTEGER NOT NULL,
  is_manager INTEGER NOT NULL DEFAULT 0,
  is_owner INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX IF NOT EXISTS group_members_user ON group_members(user_id);
`);
  db.exec(ddl.join('\n'));
}
