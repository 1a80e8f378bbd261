// scratch: compare compromise tags with and without the chunks hook
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parseSource } from '../../src/engine/index.js';
const nlp = createRequire(import.meta.url)('compromise');
const dir = process.argv[2];
const sents = new Set<string>();
for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) for (const i of parseSource(f, readFileSync(join(dir, f))).incidents) for (const s of i.statements) for (const x of s.sentences) sents.add(x.text);
const list = [...sents].slice(0, Number(process.argv[3] ?? 1500));
const sig = (t: string) => nlp(t).docs.map((d: any[]) => d.map((x) => `${x.text}/${x.normal}/${[...x.tags].sort().join(',')}`).join(' ')).join(' | ');
const world = nlp.world();
const full = [...world.hooks];
const run = () => { const t = performance.now(); const out = list.map(sig); return { out, ms: performance.now() - t }; };
run();
const a = run();
world.hooks = full.filter((h: string) => h !== 'chunks');
const b = run();
world.hooks = full;
const c = run();
let diff = 0; for (let i = 0; i < list.length; i++) if (a.out[i] !== b.out[i]) diff++;
console.log('sentences', list.length, 'full ms', Math.round(a.ms), Math.round(c.ms), 'no-chunks ms', Math.round(b.ms), 'differences', diff);
// conjugations: with the chunks hook vs without it plus compute('chunks')
const verbs = new Set<string>();
world.hooks = full;
for (const t of list.slice(0, 800)) for (const d of nlp(t).docs) for (const term of d) if (term.tags.has('Verb')) verbs.add(term.normal);
const withHook = [...verbs].map((v) => JSON.stringify(nlp(v).verbs().conjugate()[0]));
world.hooks = full.filter((h: string) => h !== 'chunks');
const without = [...verbs].map((v) => JSON.stringify(nlp(v).compute('chunks').verbs().conjugate()[0]));
const bare = [...verbs].map((v) => JSON.stringify(nlp(v).verbs().conjugate()[0]));
let cd = 0, bd = 0;
for (let i = 0; i < withHook.length; i++) { if (withHook[i] !== without[i]) cd++; if (withHook[i] !== bare[i]) bd++; }
console.log('verbs', verbs.size, 'conjugation differences with compute(chunks)', cd, 'without any chunks', bd);
