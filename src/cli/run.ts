// Process entry: runs the CLI and turns any unexpected failure into one line and exit code 2.

import { main } from './main.js';

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
