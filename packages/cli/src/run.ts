import { CommanderError } from 'commander';
import type { Ctx } from './context.js';
import { ExitError, exitCodeFor, formatError } from './errors.js';
import { EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import { buildProgram } from './program.js';

/**
 * Run `brainstem` with `argv` (without `node` and the script) and return the exit code. Never throws and never
 * calls `process.exit`, so tests can run it in-process.
 *
 * @example
 * ```ts
 * const code = await run(['models'], processIo(), new AbortController().signal);
 * ```
 */
export async function run(argv: readonly string[], io: Io, signal: AbortSignal): Promise<number> {
  const ctx: Ctx = { io, signal, argv };
  try {
    const program = await buildProgram(ctx, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.OK;
  } catch (err) {
    // Commander already printed its message (or the help/version).
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    if (err instanceof ExitError) return err.code;
    if (signal.aborted) {
      io.err('brainstem: interrupted\n');
      return EXIT.INTERRUPTED;
    }
    io.err(
      formatError(err, {
        debug: argv.includes('--debug'),
        serverUrl: ctx.serverUrl,
        flags: ctx.flags,
        tokenSource: ctx.tokenSource?.(),
      }),
    );
    return exitCodeFor(err);
  }
}
