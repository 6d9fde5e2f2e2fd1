import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from 'brainstem-api-description';
import { checkId, checkPortal, type WalkResume } from 'brainstem-api-tools';
import type { Command } from 'commander';
import { filtersArg, intArg, listArg, modelArg } from '../args.js';
import { type Ctx, createClient, type FormatOptions, type GlobalOptions, outputOptions } from '../context.js';
import { ExitError, formatError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { formatBody, RecordStream, type Row, recordsOf } from '../format/index.js';
import {
  addFiltersOption,
  addFormatOptions,
  addPortalOption,
  appendValue,
  examples,
  explainSwallowedModel,
} from '../options.js';
import { loggerBeside, ProgressBar, type ProgressEvent, progressEnabled } from '../progress.js';
import { resumeCommand } from '../resume.js';

interface LoadOptions extends FormatOptions {
  portal?: string;
  id?: string;
  filters?: string[];
  sort?: string[];
  include?: string[];
  limit?: string;
  offset?: string;
  all?: boolean;
  concurrency?: string;
}

/**
 * `brainstem load MODEL`: one page (default), one record (`--id`) or every page (`--all`, concurrently, with a
 * progress bar on a terminal). `--format ndjson` with `--all` streams records as they arrive.
 */
export function loadCommand(cmd: Command, ctx: Ctx): Command {
  cmd
    .argument('<model>', "model name, e.g. session (see 'brainstem models')")
    .option('--id <id>', 'load one record by id (UUID; integer for user and group)');
  addFiltersOption(cmd, 'filters, AND-ed; repeatable (e.g. name.icontains=rat)')
    .option('--sort <fields...>', "sort fields; prefix '-' for descending (e.g. --sort=-name)", appendValue)
    .option('--include <relations...>', 'embed related records (e.g. projects)', appendValue)
    .option('--limit <n>', `records per page, 1–${MAX_PAGE_SIZE} (server default ${DEFAULT_PAGE_SIZE})`)
    .option('--offset <n>', 'records to skip (with --all: where to start, e.g. to fetch the rest of a stopped run)')
    .option('-a, --all', 'fetch every page (concurrently); streams with --format ndjson')
    .option('--concurrency <n>', 'pages in flight with --all (default: adaptive, 4 up to 8)');
  addPortalOption(cmd);
  addFormatOptions(cmd, 'json');
  explainSwallowedModel(cmd, ['filters', 'sort', 'include', 'filter']);
  examples(cmd, [
    'brainstem load session',
    'brainstem load session --filters name.icontains=Rat --sort -name --include projects',
    'brainstem load session --id <uuid>',
    'brainstem load session --limit 20 --offset 20',
    'brainstem load project --portal public',
    'brainstem load session --all --format ndjson | jq .name',
    'brainstem load subject --all --format csv --fields id,name,sex > subjects.csv',
  ]);
  return cmd.action(async (name: string, o: LoadOptions, self: Command) => {
    const g = self.optsWithGlobals() as GlobalOptions & LoadOptions;
    const model = modelArg(name);
    const out = outputOptions(ctx, o);
    const filters = filtersArg(o.filters);
    const sort = listArg(o.sort);
    const include = listArg(o.include);
    const limit = intArg('--limit', o.limit, 1, MAX_PAGE_SIZE);
    const offset = intArg('--offset', o.offset, 0);
    const concurrency = intArg('--concurrency', o.concurrency, 1, 16);
    // A table with no rows prints nothing on stdout; say so on stderr so a person is not left guessing.
    const sayIfEmpty = (body: unknown) => {
      if (out.format === 'table' && !g.quiet && recordsOf(body, model).records.length === 0) {
        ctx.io.err(`No ${model.listKey} found.\n`);
      }
    };

    if (o.id !== undefined) {
      const clash = [
        ['--all', o.all],
        ['--filters', filters],
        ['--sort', sort],
        ['--limit', limit],
        ['--offset', offset],
      ].find(([, v]) => v !== undefined && v !== false);
      if (clash) throw new UsageError(`--id loads one record; it cannot be combined with ${clash[0]}`);
      const portal = checkPortal(model, o.portal, 'detail');
      const id = checkId(model, o.id);
      const client = createClient(ctx, g);
      const body = await client.load(model.name, { portal, id, include, signal: ctx.signal });
      ctx.io.out(formatBody(body, model, out));
      return;
    }

    const portal = checkPortal(model, o.portal, 'list');
    if (!o.all) {
      if (concurrency !== undefined) throw new UsageError('--concurrency only applies with --all');
      const client = createClient(ctx, g);
      const body = await client.load(model.name, { portal, filters, sort, include, limit, offset, signal: ctx.signal });
      ctx.io.out(formatBody(body, model, out));
      sayIfEmpty(body);
      return;
    }

    if (limit !== undefined) {
      throw new UsageError('--all fetches every page; drop --limit (or drop --all to page by hand)');
    }
    const stream = new RecordStream(ctx.io, out);
    // Records streaming onto the same terminal are their own progress; a bar would be torn up between them.
    const enabled = progressEnabled(ctx.io, Boolean(g.quiet)) && !(stream.streams && ctx.io.stdoutIsTTY);
    const bar = new ProgressBar(ctx.io, { label: model.listKey, enabled });
    const logger = loggerBeside(bar, ctx.io, Boolean(g.quiet));
    const beforeNotice = () => bar.done();
    const client = createClient(
      ctx,
      g,
      concurrency !== undefined ? { concurrency, logger, beforeNotice } : { logger, beforeNotice },
    );
    const walk = {
      portal,
      filters,
      sort,
      include,
      ...(offset !== undefined ? { offset } : {}),
      signal: ctx.signal,
      onProgress: (p: ProgressEvent) => bar.update(p),
    };
    // Retries and resumes are the client's (its retry budget); a walk that still fails ends the command. Either
    // way the bar is erased first, so what follows starts on a line of its own.
    try {
      if (stream.streams) {
        // Records reach stdout page by page, in server order, with bounded memory; what was written stays written.
        try {
          for await (const record of client.iterate(model.name, walk)) {
            stream.write(record as Row);
            await ctx.io.drain();
          }
        } catch (err) {
          bar.done();
          if (ctx.signal.aborted) throw interrupted(stream.count > 0 ? resumeOffset(o, stream.count) : 0, ctx);
          if (hasResume(err) && stream.count > 0) throw incomplete(err, err.resume.offset, ctx);
          throw err;
        }
        bar.done();
        stream.end();
      } else {
        // The whole document is printed at the end, or not at all: never a truncated JSON array or table.
        let body: unknown;
        try {
          body = await client.loadAll(model.name, walk);
        } catch (err) {
          bar.done();
          if (ctx.signal.aborted) throw interrupted(0, ctx);
          throw err;
        }
        bar.done();
        ctx.io.out(formatBody(body, model, out));
        sayIfEmpty(body);
      }
    } finally {
      bar.done();
    }
  });
}

function hasResume(err: unknown): err is Error & { resume: WalkResume } {
  return err instanceof Error && typeof (err as { resume?: WalkResume }).resume?.offset === 'number';
}

/**
 * Where a streamed walk stopped by Ctrl-C resumes: past the records written so far, counted from the `--offset` it
 * started at (stdout holds whole records, in server order).
 */
function resumeOffset(o: LoadOptions, written: number): number {
  return (o.offset === undefined ? 0 : Number(o.offset)) + written;
}

/** How to fetch the rest, as a command that pastes as is. */
function resumeHint(offset: number, ctx: Ctx): string {
  const { command, hadSecret } = resumeCommand(ctx.argv ?? [], offset);
  const secret = hadSecret ? '  (--token is left out: add it back, or set BRAINSTEM_TOKEN)\n' : '';
  return `  ${command}\n${secret}`;
}

/**
 * A walk stopped by Ctrl-C, whatever the format: one line saying so and, when records were streamed, the command
 * that fetches the rest. Exits with {@link EXIT.INTERRUPTED}.
 */
function interrupted(offset: number, ctx: Ctx): ExitError {
  if (offset > 0) {
    ctx.io.err(
      `brainstem: interrupted; output holds the records before offset ${offset}. Fetch the rest with:\n` +
        resumeHint(offset, ctx),
    );
  } else ctx.io.err('brainstem: interrupted\n');
  return new ExitError(EXIT.INTERRUPTED);
}

/**
 * A streamed `--all` that failed after writing records: stdout holds whole records up to `offset`. Reports how
 * to fetch the rest and exits with {@link EXIT.INCOMPLETE}.
 */
function incomplete(err: unknown, offset: number, ctx: Ctx): ExitError {
  ctx.io.err(formatError(err, { serverUrl: ctx.serverUrl }));
  ctx.io.err(
    `brainstem: output is incomplete: it holds the records before offset ${offset}. Fetch the rest with:\n` +
      resumeHint(offset, ctx),
  );
  return new ExitError(EXIT.INCOMPLETE);
}
