import { checkId, checkPortal } from 'brainstem-api-tools';
import type { Command } from 'commander';
import { intArg, modelArg } from '../args.js';
import { reportBulk } from '../bulk.js';
import { type Ctx, createClient, type GlobalOptions } from '../context.js';
import { ExitError } from '../errors.js';
import { addPortalOption, afterHelp, appendValue, examples } from '../options.js';

interface DeleteOptions {
  id: string[];
  portal?: string;
  concurrency?: string;
}

/** `brainstem delete MODEL --id ID [--id ID …]`: delete records; several ids are deleted concurrently. */
export function deleteCommand(cmd: Command, ctx: Ctx): Command {
  cmd
    .argument('<model>', 'model name, e.g. session')
    .requiredOption('--id <id>', 'id of the record to delete; repeat for several', appendValue)
    .option('--concurrency <n>', 'requests in flight for several ids (default 4)');
  addPortalOption(cmd);
  examples(cmd, ['brainstem delete session --id <uuid>', 'brainstem delete behavior --id <uuid1> --id <uuid2>']);
  afterHelp(cmd, '\nOutput: nothing on stdout; "Deleted <model> <id>" per record on stderr unless --quiet.\n');
  return cmd.action(async (name: string, o: DeleteOptions, self: Command) => {
    const g = self.optsWithGlobals() as GlobalOptions & DeleteOptions;
    const model = modelArg(name);
    const portal = checkPortal(model, o.portal, 'delete');
    const ids = o.id.map((id) => checkId(model, id));
    const concurrency = intArg('--concurrency', o.concurrency, 1, 16);
    const client = createClient(ctx, g, concurrency !== undefined ? { concurrency } : {});
    if (ids.length === 1) {
      await client.delete(model.name, { id: ids[0] as string, portal, signal: ctx.signal });
      if (!g.quiet) ctx.io.err(`Deleted ${model.name} ${ids[0]}\n`);
      return;
    }
    const result = await client.deleteMany(model.name, ids, { signal: ctx.signal, portal });
    if (!g.quiet) {
      for (const s of [...result.succeeded].sort((a, b) => a.index - b.index)) {
        ctx.io.err(`Deleted ${model.name} ${String(s.item)}\n`);
      }
    }
    const code = reportBulk(ctx, result, {
      verb: 'deleted',
      noun: model.listKey,
      quiet: true,
      recordOf: () => undefined,
    });
    if (code !== 0) throw new ExitError(code);
  });
}
