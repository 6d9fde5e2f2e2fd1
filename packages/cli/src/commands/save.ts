import { checkId, checkPortal } from 'brainstem-api-tools';
import type { Command } from 'commander';
import { Option } from 'commander';
import { intArg, modelArg } from '../args.js';
import { reportBulk } from '../bulk.js';
import { type Ctx, createClient, type FormatOptions, type GlobalOptions, outputOptions } from '../context.js';
import { readData } from '../data.js';
import { ExitError, UsageError } from '../errors.js';
import { formatBody, type Row, recordsOf } from '../format/index.js';
import { addFormatOptions, addPortalOption, examples } from '../options.js';

interface SaveOptions extends FormatOptions {
  id?: string;
  data?: string;
  method?: 'patch' | 'put';
  portal?: string;
  concurrency?: string;
}

/**
 * `brainstem save MODEL --data JSON`: create (no `--id`), update (PATCH, or PUT with `--method put`), or save each
 * item of a JSON array (bulk; items with an `id` are updated) and report per item.
 */
export function saveCommand(cmd: Command, ctx: Ctx): Command {
  cmd
    .argument('<model>', 'model name, e.g. session')
    .requiredOption('-d, --data <json>', "record fields as JSON, '@file.json', or '-' to read stdin")
    .option('--id <id>', 'update this record (PATCH by default); omit to create')
    .addOption(
      new Option('--method <method>', 'update method: patch (change given fields) or put (replace)').choices([
        'patch',
        'put',
      ]),
    )
    .option('--concurrency <n>', 'requests in flight for an array (default 4)');
  addPortalOption(cmd);
  addFormatOptions(cmd, 'json');
  examples(cmd, [
    `brainstem save session --data '{"name":"New session","projects":["<uuid>"]}'`,
    `brainstem save session --id <uuid> --data '{"description":"updated"}'`,
    'brainstem save session --id <uuid> --method put --data @session.json',
    'jq -c "[.[] | {name, projects}]" sessions.json | brainstem save session --data - --format ndjson',
    '# an array saves each item and prints one report row per item: {index, ok, id, record, error}',
  ]);
  return cmd.action(async (name: string, o: SaveOptions, self: Command) => {
    const g = self.optsWithGlobals() as GlobalOptions & SaveOptions;
    const model = modelArg(name);
    const out = outputOptions(ctx, o);
    const concurrency = intArg('--concurrency', o.concurrency, 1, 16);
    const id = o.id !== undefined ? checkId(model, o.id) : undefined;
    const data = await readData(o.data as string, ctx.io);

    if (Array.isArray(data)) {
      if (id !== undefined)
        throw new UsageError('--id cannot be combined with an array in --data; put an "id" in each item');
      const creates = data.some((d) => d.id === undefined);
      const changes = data.some((d) => d.id !== undefined);
      if (changes) checkPortal(model, o.portal, 'change');
      const portal = checkPortal(model, o.portal, creates ? 'add' : 'change');
      if (o.method === 'put' && data.some((d) => d.id === undefined)) {
        throw new UsageError('--method put replaces records: every item in --data needs an "id"');
      }
      const client = createClient(ctx, g, concurrency !== undefined ? { concurrency } : {});
      const result = await client.saveMany(model.name, data, {
        ...(concurrency !== undefined ? { concurrency } : {}),
        ...(o.method ? { method: o.method } : {}),
        portal,
        signal: ctx.signal,
      });
      const code = reportBulk(ctx, result, {
        verb: 'saved',
        noun: data.length === 1 ? model.name : model.listKey,
        quiet: Boolean(g.quiet),
        out,
        recordOf: (r) => recordsOf(r, model).records[0] as Row | undefined,
      });
      if (code !== 0) throw new ExitError(code);
      return;
    }

    if (o.method === 'put' && id === undefined) throw new UsageError('--method put replaces a record: give its --id');
    const portal = checkPortal(model, o.portal, id === undefined ? 'add' : 'change');
    const client = createClient(ctx, g);
    const body =
      id === undefined
        ? await client.save(model.name, { data, portal, signal: ctx.signal })
        : await client.save(model.name, {
            id,
            data,
            portal,
            signal: ctx.signal,
            ...(o.method ? { method: o.method } : {}),
          });
    ctx.io.out(formatBody(body, model, out));
  });
}
