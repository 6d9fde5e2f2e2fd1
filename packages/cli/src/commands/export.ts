import { writeFile } from 'node:fs/promises';
import { exportRows, IMPORT_TYPE_NAMES, modelOf } from 'brainstem-api-tools/import';
import type { Command } from 'commander';
import { filtersArg } from '../args.js';
import { type Ctx, createClient, type GlobalOptions } from '../context.js';
import { toCsv } from '../format/csv.js';
import { addFiltersOption, examples } from '../options.js';
import { ProgressBar, progressEnabled } from '../progress.js';
import { importTypeArg } from './import.js';

interface ExportOptions {
  filters?: string[];
  output?: string;
  bom?: boolean;
}

/**
 * `brainstem export TYPE`: the records of an import type as a CSV in its template format, which
 * `brainstem import TYPE` reads back (every row `existing`).
 */
export function exportCommand(cmd: Command, ctx: Ctx): Command {
  cmd.argument('<type>', `import type: ${IMPORT_TYPE_NAMES.join(', ')}`);
  addFiltersOption(cmd, 'filters, AND-ed, as for load (e.g. name.icontains=rat)')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--bom', 'start the file with a UTF-8 byte-order mark (Excel on Windows then reads it as UTF-8)');
  examples(cmd, [
    'brainstem export sessions > sessions.csv',
    'brainstem export subjects --filters name.startswith=PC- -o subjects.csv',
    'brainstem export sessions > s.csv && brainstem import sessions s.csv   # every row: existing',
  ]);
  return cmd.action(async (name: string, o: ExportOptions, self: Command) => {
    const g = self.optsWithGlobals() as GlobalOptions & ExportOptions;
    const type = importTypeArg(name);
    const filters = filtersArg(o.filters);
    const client = createClient(ctx, g);
    const label = type.unwritable ? type.name : modelOf(type.name);
    const bar = new ProgressBar(ctx.io, { label, enabled: progressEnabled(ctx.io, Boolean(g.quiet)) });
    let sheet: Awaited<ReturnType<typeof exportRows>>;
    try {
      sheet = await exportRows(client, type.name, {
        ...(filters ? { filters } : {}),
        signal: ctx.signal,
        onProgress: (p) => bar.update(p),
      });
    } finally {
      bar.done();
    }
    const text = (o.bom ? '\uFEFF' : '') + toCsv(sheet.rows, sheet.columns);
    if (o.output) await writeFile(o.output, text);
    else ctx.io.out(text);
    if (!g.quiet) {
      const note = type.unwritable ? ` (${type.unwritable})` : '';
      ctx.io.err(`exported ${sheet.rows.length} ${type.name} row${sheet.rows.length === 1 ? '' : 's'}${note}\n`);
    }
  });
}
