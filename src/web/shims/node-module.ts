// The browser build's stand-in for node:module. src/nlp/analysis.ts loads compromise through
// createRequire only when nothing lent it compromise; the playground's worker lends it (see
// worker.ts), so reaching this is a build mistake, and it says so.
export function createRequire(): (id: string) => never {
  return (id) => {
    throw new Error(`crisislint's browser build cannot require("${id}"); the worker must provide it`);
  };
}
