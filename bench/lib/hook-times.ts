// scratch: time each of compromise's compute hooks (and tokenising) while tagging, once each, the
// sentences a corpus run tags (a cold process, as a lint run meets them).
import { taggingSetup } from './tagging-setup.js';

const { nlp, world, list } = taggingSetup(process.argv[2]);
const times: Record<string, number> = {};
const wrap = (obj: any, key: string, name: string) => {
  const f = obj[key];
  obj[key] = function (this: unknown, ...args: unknown[]) {
    const t = performance.now();
    try { return f.apply(this, args); } finally { times[name] = (times[name] ?? 0) + performance.now() - t; }
  };
};
for (const h of world.hooks) wrap(world.compute, h, h);
wrap(world.methods.one.tokenize, 'fromString', 'fromString');
wrap(world.methods.one, 'bulkMatch', 'post:bulkMatch');
wrap(world.methods.one, 'bulkTagger', 'post:bulkTagger');
const started = performance.now();
for (const t of list) nlp(t);
const total = performance.now() - started;
console.log(JSON.stringify({ total: Math.round(total), ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(v)])) }));
