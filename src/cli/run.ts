// Process entry: runs the CLI and turns any unexpected failure into one line and exit code 2.

import { main } from './main.js';

// A reader that stops early (`crisislint … | head -1`) closes the pipe: the rest of the report
// has nowhere to go, which is not an error, so the run ends quietly with its own exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`crisislint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.CRISISLINT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  },
);
