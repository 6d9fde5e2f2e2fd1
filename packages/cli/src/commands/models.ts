import {
  closest,
  editDistance,
  FILTER_OPERATORS,
  MODELS,
  type ModelSpec,
  withArticle,
} from 'brainstem-api-description';
import type { SchemaGroup } from 'brainstem-api-description/schemas';
import type { Command } from 'commander';
import { modelArg } from '../args.js';
import { type Ctx, type FormatOptions, outputOptions } from '../context.js';
import { UsageError } from '../errors.js';
import { formatRecords, jsonText } from '../format/index.js';
import { renderTable } from '../format/table.js';
import { fitText } from '../format/wrap.js';
import {
  fieldNotes,
  filterLines,
  includeNames,
  portalSummary,
  schemaFieldRows,
  schemaTypeRows,
} from '../model-info.js';
import { addFormatOptions, examples } from '../options.js';

/** The models some schema page governs, in page order. */
function governedModels(groups: readonly SchemaGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => g.models.map((x) => x.model)))];
}

/**
 * `brainstem models [MODEL]`: every model with its app and portals, or one model's fields, filters, includes and
 * actions — all from the registry, no network.
 */
export function modelsCommand(cmd: Command, ctx: Ctx): Command {
  cmd
    .argument('[model]', 'a model name, e.g. session')
    .option('--type <type>', "one type's details schema: fields, required, choices and units (needs MODEL)");
  addFormatOptions(cmd, 'table');
  examples(cmd, [
    'brainstem models',
    'brainstem models session',
    'brainstem models procedure --type Anesthesia',
    'brainstem models --format json | jq ".[].name"',
  ]);
  return cmd.action(async (name: string | undefined, o: FormatOptions & { type?: string }) => {
    const out = outputOptions(ctx, o, 'table');
    if (!name) {
      const rows = (MODELS as readonly ModelSpec[]).map((m) => ({
        name: m.name,
        app: m.app,
        portals: portalSummary(m),
        actions: (m.actions ?? []).map((a) => a.name).join(' '),
      }));
      if (out.format === 'json') {
        ctx.io.out(jsonText(MODELS, out.pretty));
        return;
      }
      ctx.io.out(formatRecords(rows, { ...out, wrap: true }));
      return;
    }
    const m = modelArg(name);
    // Loaded on demand: the schemas are large and only this command needs them.
    const { SCHEMA_GROUPS, schemaGroupsFor } = await import('brainstem-api-description/schemas');
    const groups = schemaGroupsFor(m.name);
    if (o.type !== undefined) {
      const group = groups.find((g) => Object.hasOwn(g.schemas, o.type as string));
      if (!group) {
        if (groups.length === 0) {
          throw new UsageError(
            `${m.name} has no documented details schemas (--type applies to ${governedModels(SCHEMA_GROUPS).join(', ')})`,
          );
        }
        throw new UsageError(unknownTypeMessage(m.name, o.type, groups));
      }
      const schema = group.schemas[o.type] as NonNullable<(typeof group.schemas)[string]>;
      const rows = schemaFieldRows(schema);
      if (out.format === 'json') {
        ctx.io.out(jsonText(schema, out.pretty));
        return;
      }
      if (out.format !== 'table') {
        ctx.io.out(formatRecords(rows, out));
        return;
      }
      const shape = schema.type === 'array' ? `a list of rows, each an object` : 'an object';
      const head = `${m.name} ${group.selector} "${o.type}": ${group.payload} is ${shape} (schema ${schema['x-version']}, ${group.page})`;
      ctx.io.out(`${fitText(head, out.width)}\n`);
      ctx.io.out(
        rows.length === 0
          ? 'No declared fields: send {}.\n'
          : renderTable(rows, ['field', 'value', 'required', 'choices'], out.width, { wrap: true }),
      );
      return;
    }
    if (out.format === 'json') {
      ctx.io.out(jsonText({ ...m, filters: filterLines(m), includes: includeNames(m) }, out.pretty));
      return;
    }
    const fieldRows = m.fields.map((f) => ({ field: f.name, type: f.type, notes: fieldNotes(f) }));
    if (out.format !== 'table') {
      ctx.io.out(formatRecords(fieldRows, out));
      return;
    }
    const lines = [
      `${m.name}  (app: ${m.app}; records under "${m.listKey}" in lists, "${m.detailKey}" in details)`,
      `Portals:  ${portalSummary(m)}`,
    ];
    if (m.aliases?.length) lines.push(`Aliases:  ${m.aliases.join(', ')}`);
    if (m.parent) lines.push(`Permissions: inherited from ${m.parent}`);
    if (m.approval) lines.push(`Writes go through approvals (${m.approval.model}); answers under "${m.approval.key}"`);
    if (m.actions?.length) lines.push(`Actions:  ${m.actions.map((a) => `${a.name} (${a.method})`).join(', ')}`);
    if (m.loader) {
      lines.push(
        `Loader:   default includes ${m.loader.includes.join(', ') || '—'}; named filters ${Object.entries(
          m.loader.filters,
        )
          .map(([k, v]) => `${k}→${v}`)
          .join(', ')}`,
      );
    }
    lines.push('', 'Fields:');
    ctx.io.out(`${fitText(lines.join('\n'), out.width)}\n`);
    ctx.io.out(renderTable(fieldRows, ['field', 'type', 'notes'], out.width, { wrap: true }));
    ctx.io.out(
      `\n${fitText(
        'Filters (--filters FIELD=VALUE for exact, FIELD.LOOKUP=VALUE otherwise, e.g. name.icontains=rat; ' +
          `"any" = ${FILTER_OPERATORS.join(' ')}):`,
        out.width,
      )}\n`,
    );
    ctx.io.out(renderTable(filterLines(m), ['field', 'lookups'], out.width, { wrap: true }));
    const inc = includeNames(m);
    ctx.io.out(`\n${fitText(`Includes (--include NAME): ${inc.length ? inc.join(', ') : '—'}`, out.width)}\n`);
    if (groups.length > 0) {
      ctx.io.out(
        `\n${fitText(`Types and their details schemas (brainstem models ${m.name} --type TYPE for the fields):`, out.width)}\n`,
      );
      ctx.io.out(
        renderTable(schemaTypeRows(groups), ['selector', 'type', 'version', 'required'], out.width, { wrap: true }),
      );
    }
  });
}

/**
 * `--type` names no schema of the model: the closest value `--type` takes (a type, or a coordinate system), and
 * the model's types; the coordinate systems, a second selector, are only pointed to.
 */
function unknownTypeMessage(model: string, given: string, groups: readonly SchemaGroup[]): string {
  const bySelector = (sel: string) => groups.filter((g) => g.selector === sel).flatMap((g) => Object.keys(g.schemas));
  const types = bySelector('type');
  const others = groups.filter((g) => g.selector !== 'type');
  const [best] = closest(
    given,
    groups.flatMap((g) => Object.keys(g.schemas)),
    1,
  );
  const near =
    best !== undefined && editDistance(given.toLowerCase(), best.toLowerCase()) <= Math.max(2, given.length / 2);
  const hint = near ? `; did you mean "${best}"?` : '.';
  const list = types.length > 0 ? ` Types of ${model}: ${types.join(', ')}` : '';
  const also = others
    .map((g) => ` (--type also takes ${withArticle(g.selector)}; brainstem models ${model} lists them)`)
    .join('');
  return `unknown type "${given}" for ${model}${hint}${list}${also}`;
}
