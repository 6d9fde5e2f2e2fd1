// The `brainstem` executable: wires the real process into run() and turns its result into the exit code.
// Start-up is kept short: `--version` answers before anything else loads, the command machinery is imported only
// when needed, and the process exits as soon as its output is flushed (idle keep-alive sockets of the HTTP
// client would otherwise hold it open for a while).
import pkg from '../package.json' with { type: 'json' };

const argv = process.argv.slice(2);

/** Resolves once everything written to `stream` so far has reached the OS. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableLength === 0 && !stream.writableNeedDrain) resolve();
    else stream.write('', () => resolve());
  });
}

async function main(): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const [{ EXIT }, { processIo }, { run }] = await Promise.all([
    import('./exit-codes.js'),
    import('./io.js'),
    import('./run.js'),
  ]);
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts++;
    // A second Ctrl-C, or a command that ignores the signal for 2 s, ends the process right away.
    if (interrupts > 1) process.exit(EXIT.INTERRUPTED);
    controller.abort();
    setTimeout(() => process.exit(EXIT.INTERRUPTED), 2000).unref();
  });
  // `brainstem load … | head`: the reader went away; stop quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  return run(argv, processIo(), controller.signal);
}

const code = await main();
process.exitCode = code;
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
