// The `brainstem` executable: wires the real process into run() and turns its result into the exit code.
import { EXIT } from './exit-codes.js';
import { processIo } from './io.js';
import { run } from './run.js';

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

const code = await run(process.argv.slice(2), processIo(), controller.signal);
process.exitCode = code;
