import { writeFile } from 'node:fs/promises';
import {
  findImportType,
  IMPORT_TYPE_NAMES,
  IMPORT_TYPES,
  type ImportType,
  importRows,
  templateOf,
} from 'brainstem-api-tools/import';
import type { Command } from 'commander';
import { intArg } from '../args.js';
import { type Ctx, createClient, type FormatOptions, type GlobalOptions, outputOptions } from '../context.js';
import { ExitError, UsageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { toCsv } from '../format/csv.js';
import { formatRecords, jsonText } from '../format/index.js';
import { importDetailsValidator } from '../import/details-schema.js';
import { delimiterArg, readSheet } from '../import/read-csv.js';
import { REPORT_FIELDS, reportRecords, summaryLine, unreadableRows } from '../import/report.js';
import { addFormatOptions, examples } from '../options.js';
import { ProgressBar, progressEnabled } from '../progress.js';

interface ImportOptions extends FormatOptions {
  dryRun?: boolean;
  lenient?: boolean;
  update?: boolean;
  delimiter?: string;
  concurrency?: string;
}

/** Rows in flight by default: enough to overlap request latency, few enough not to crowd a server. */
const DEFAULT_CONCURRENCY = 4;

/** The import type named on the command line, or a usage error listing the types. */
export function importTypeArg(name: string): ImportType {
  const type = findImportType(name);
  if (!type) {
    throw new UsageError(`unknown import type "${name}" (one of: ${IMPORT_TYPE_NAMES.join(', ')})`);
  }
  return type;
}

/** Rows below this many draw no progress bar (they finish before one would be readable). */
const PROGRESS_MIN_ROWS = 50;

/**
 * `brainstem import TYPE FILE`: import a CSV in the BrainSTEM import tool's template format, row by row, with a
 * per-row report; `import types` lists the types, `import template TYPE` writes a template.
 */
export function importCommand(cmd: Command, ctx: Ctx): Command {
  cmd
    .argument('<type>', `import type: ${IMPORT_TYPE_NAMES.join(', ')}`)
    .argument('<file>', "CSV file (UTF-8, ',' or ';' separated), or - for stdin")
    .option('-n, --dry-run', 'resolve every lookup and validate every row; write nothing')
    .option('--lenient', 'a cell that cannot be read (bad date, unknown name) only warns and is left out')
    .option('--update', 'change an existing record whose fields differ from its row to match the row')
    .option('--delimiter <char>', "field separator: ',', ';' or tab (default: detected from the header)")
    .option('--concurrency <n>', 'rows in flight (default 4; rows naming the same record still run in order)');
  addFormatOptions(cmd, 'table on a terminal, else json');
  examples(cmd, [
    'brainstem import types',
    'brainstem import template subjects > subjects.csv',
    'brainstem import subjects subjects.csv --dry-run',
    'brainstem import subjects subjects.csv',
    'brainstem import subjects subjects.csv --update     # existing subjects take the values of their rows',
    'brainstem import sessions sessions.csv --format csv > report.csv',
    '# each row reports created, existing or error (with line, field and message); exit 5 when a row failed',
  ]);
  cmd
    .command('types')
    .description('list the import types and their columns (* = required)')
    .option('-f, --format <format>', 'output format: table (default), json, ndjson, csv')
    .action((_o: FormatOptions, self: Command) => {
      // `--format` may land on the parent `import` command, which has the same option.
      const out = outputOptions(ctx, self.optsWithGlobals() as FormatOptions, 'table');
      if (out.format === 'json') {
        ctx.io.out(jsonText(IMPORT_TYPES, out.pretty));
        return;
      }
      const rows = IMPORT_TYPES.map((t) => ({
        type: t.name,
        model: t.model,
        columns: t.columns.map((c) => `${c.column}${c.required ? '*' : ''}`).join(' '),
      }));
      ctx.io.out(formatRecords(rows, out.format === 'table' ? { ...out, width: Math.max(out.width, 400) } : out));
    });
  cmd
    .command('template')
    .description('write the CSV template of an import type: the header and one example row')
    .argument('<type>', `import type: ${IMPORT_TYPE_NAMES.join(', ')}`)
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (name: string, o: { output?: string }) => {
      const sheet = templateOf(importTypeArg(name).name);
      const text = toCsv(sheet.rows, sheet.columns);
      if (o.output) await writeFile(o.output, text);
      else ctx.io.out(text);
    });

  return cmd.action(async (name: string, file: string, o: ImportOptions, self: Command) => {
    const g = self.optsWithGlobals() as GlobalOptions & ImportOptions;
    const type = importTypeArg(name);
    const out = outputOptions(ctx, o, ctx.io.stdoutIsTTY ? 'table' : 'json');
    const concurrency = intArg('--concurrency', o.concurrency, 1, 16) ?? DEFAULT_CONCURRENCY;
    const sheet = await readSheet(file, ctx.io, delimiterArg(o.delimiter));
    const bar = new ProgressBar(ctx.io, {
      label: type.name,
      enabled: progressEnabled(ctx.io, Boolean(g.quiet)) && sheet.rows.length >= PROGRESS_MIN_ROWS,
    });
    // A retry notice erases the bar first, so it stands on a line of its own.
    const client = createClient(ctx, g, { beforeNotice: () => bar.done() });
    const validateDetails = importDetailsValidator();
    let report: Awaited<ReturnType<typeof importRows>>;
    try {
      report = await importRows(client, type.name, {
        rows: sheet.rows,
        columns: sheet.columns,
        lines: sheet.lines,
        dryRun: Boolean(o.dryRun),
        lenient: Boolean(o.lenient),
        update: Boolean(o.update),
        concurrency,
        signal: ctx.signal,
        onProgress: (p) => bar.update(p),
        ...(validateDetails ? { validateDetails } : {}),
      });
    } finally {
      bar.done();
    }
    if (report.unknownColumns.length > 0 && !g.quiet) {
      ctx.io.err(
        `brainstem: ignored ${report.unknownColumns.length === 1 ? 'a column' : 'columns'} not in the ${type.name} ` +
          `template: ${report.unknownColumns.join(', ')} (see 'brainstem import types')\n`,
      );
    }
    const records = reportRecords(report);
    const fields = out.fields ?? [...REPORT_FIELDS];
    if (out.format === 'table' && records.length === 0) {
      if (!g.quiet) ctx.io.err('No rows in the file.\n');
    } else ctx.io.out(formatRecords(records, { ...out, fields, wrap: true })); // a message is never cut
    if (!g.quiet || report.counts.error > 0) ctx.io.err(`${summaryLine(report, Boolean(o.dryRun))}\n`);
    const unreadable = unreadableRows(report);
    if (unreadable > 0 && !g.quiet) {
      ctx.io.err(
        `brainstem: ${unreadable === 1 ? 'a row has a cell' : `${unreadable} rows have cells`} that could not be ` +
          'read, so nothing was written for them: fix the cells, or pass --lenient to import without those values\n',
      );
    }
    if (report.counts.error > 0) throw new ExitError(EXIT.REJECTED);
  });
}
