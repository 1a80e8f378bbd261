// Cheap prechecks for lists of regular-expression fragments (the phrase lists). Compiling a big
// alternation costs up to tens of milliseconds and running it about a microsecond per sentence,
// though most sentences contain none of its words. From each fragment we derive literals one of
// which every match must contain ("prevent" for "prevent(?:s|ed|ing)? this"); one index over
// every registered list tells, per text, which fragments can match at all. Only those run, each
// alone, compiled on first use.
// The literals are derived from whatever list is configured, never written by hand.


import { PropertyTwinRegExp } from './property-twin.js';

// ---- required literals -----------------------------------------------------------------------

/** What a pattern node can match, as far as literals go. */
interface Info {
  /** The one string (lower-cased) the node matches, when there is one: a run of plain characters, "" for an assertion. */
  exact: string | null;
  /** Literals (lower-cased), one of which every match contains; null when none is known. */
  req: string[] | null;
}

const ANY: Info = { exact: null, req: null };
const EMPTY: Info = { exact: '', req: null };

class Unsupported extends Error {}

function reqOf(info: Info): string[] | null {
  return info.exact === null ? info.req : info.exact === '' ? null : [info.exact];
}

/** Drops literals that contain another literal of the set: the shorter one is implied. */
function minimise(set: readonly string[]): string[] {
  const sorted = [...set].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of sorted) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

// Function words are in nearly every sentence: a literal made of them barely narrows anything.
const FUNCTION_WORDS = new Set(
  'a an the and or but nor to of in on at by for with from as into than then is are was were be been being has have had do does did will would can could shall should may might must we our us you your i it its they their this that these those not no so if all any some more most now here there what which who when also just very'.split(
    ' ',
  ),
);

/** How much a literal narrows: its longest word that is not a function word (up to 6). */
function strength(literal: string): number {
  let best = 0;
  let start = 0;
  for (let k = 0; k <= literal.length; k++) {
    const c = k < literal.length ? literal.charCodeAt(k) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (k > start) {
      const s = k - start <= 6 && FUNCTION_WORDS.has(literal.slice(start, k)) ? 1 : Math.min(k - start, 6);
      if (s > best) best = s;
    }
    start = k + 1;
  }
  return best;
}

/**
 * Higher is a better precheck: every literal long enough to index, then literals that narrow
 * (not "to"), then few of them (each is looked for in every text).
 */
function score(set: readonly string[]): number {
  let min = Infinity;
  let weakest = Infinity;
  for (const s of set) {
    if (s.length < min) min = s.length;
    const st = strength(s);
    if (st < weakest) weakest = st;
  }
  return (min >= 3 ? 1000 : 0) + weakest * 20 - set.length * 5;
}

function literal(ch: string): Info {
  const code = ch.charCodeAt(0);
  // Only printable ASCII: case-insensitive matching maps it to its lower case alone (tests check
  // this for every code unit), so the lower-cased text contains the lower-cased literal.
  return ch.length === 1 && code >= 0x20 && code < 0x7f ? { exact: ch.toLowerCase(), req: null } : ANY;
}

/**
 * A sequence must contain what each of its parts must contain, so the best part serves. Plain
 * characters in a row make one literal ("prevent" in "prevent(?:s|ed)? this").
 */
function concat(items: Info[]): Info {
  let best: string[] | null = null;
  let bestScore = -Infinity;
  const consider = (set: string[] | null) => {
    if (!set) return;
    const s = score(set);
    if (s > bestScore) [best, bestScore] = [set, s];
  };
  let run = '';
  let whole = true;
  for (const item of items) {
    if (item.exact !== null) {
      run += item.exact;
      continue;
    }
    whole = false;
    if (run) consider([run]);
    run = '';
    consider(item.req);
  }
  if (whole) return { exact: run, req: null };
  if (run) consider([run]);
  return { exact: null, req: best };
}

/** An alternation must contain what one of its branches must contain: the union. */
function alternation(items: Info[]): Info {
  if (items.length === 1) return items[0];
  const union: string[] = [];
  for (const item of items) {
    const req = reqOf(item);
    if (!req) return ANY;
    union.push(...req);
  }
  return { exact: null, req: minimise(union) };
}

function repeat(info: Info, min: number, max: number): Info {
  if (min === 0) return ANY;
  if (min === 1 && max === 1) return info;
  return { exact: null, req: reqOf(info) };
}

// One native match() splits a fragment into tokens, so the parser below steps over words rather
// than characters (parsing every list costs a few milliseconds, not a hundred, before the JIT warms up).
const ESCAPE = String.raw`\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|0[0-7]{0,2}|[^])`;
const ESCAPE_U = String.raw`\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|[pP]\{[^}]*\}|0|[^])`;
const REST = String.raw`\[(?:\\[^]|[^\]\\])*\]|\((?:\?(?:[:=!]|<[=!]?))?|[)|.^$]|[*+?]\??|\{\d+(?:,\d*)?\}\??|[^\\[\](){}|*+?.^$]+|[^]`;
const TOKENS = new RegExp(`${ESCAPE}|${REST}`, 'g');
const TOKENS_U = new RegExp(`${ESCAPE_U}|${REST}`, 'g');
const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})\??$/;
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * Parses a fragment just far enough to know its literals. Anything it does not know (a
 * back-reference, a capturing group whose number would shift when fragments are run one by one)
 * throws Unsupported, and the caller runs the list unfiltered.
 */
class Parser {
  private readonly tokens: string[];
  private i = 0;

  constructor(
    src: string,
    private readonly unicode: boolean,
  ) {
    this.tokens = src.match(unicode ? TOKENS_U : TOKENS) ?? [];
  }

  parse(): Info {
    const info = this.alternation();
    if (this.i < this.tokens.length) throw new Unsupported(`unexpected "${this.tokens[this.i]}"`);
    return info;
  }

  private alternation(): Info {
    const items = [this.sequence()];
    while (this.tokens[this.i] === '|') {
      this.i++;
      items.push(this.sequence());
    }
    return alternation(items);
  }

  private sequence(): Info {
    const items: Info[] = [];
    const tokens = this.tokens;
    while (this.i < tokens.length && tokens[this.i] !== '|' && tokens[this.i] !== ')') {
      const token = tokens[this.i++];
      const plain = isRun(token);
      // A group takes its tokens up to ")" here, so the quantifier comes after them.
      const atom = plain ? run(token) : this.atom(token);
      const next = this.i < tokens.length ? tokens[this.i] : '';
      const q = next === '?' || next === '*' || next === '+' || next[0] === '{' ? QUANTIFIER.exec(next) : null;
      if (!q) {
        items.push(atom);
        continue;
      }
      this.i++;
      const min = q[0][0] === '+' ? 1 : q[0][0] === '{' ? Number(q[1]) : 0;
      const max = q[0][0] === '*' || q[0][0] === '+' ? Infinity : q[0][0] === '?' ? 1 : q[2] === undefined ? min : q[3] === '' ? Infinity : Number(q[3]);
      // A quantifier after plain text takes its last character only: "prevents?".
      if (plain && token.length > 1) {
        items.push(run(token.slice(0, -1)));
        items.push(repeat(run(token.slice(-1)), min, max));
      } else items.push(repeat(atom, min, max));
    }
    return concat(items);
  }

  private atom(token: string): Info {
    const c = token[0];
    if (c === '(') {
      if (token === '(' || token === '(?<') throw new Unsupported('capturing group');
      const inner = this.alternation();
      if (this.tokens[this.i] !== ')') throw new Unsupported('unclosed group');
      this.i++;
      return token === '(?:' ? inner : EMPTY;
    }
    if (c === '[') return characterClass(token, this.unicode);
    if (c === '\\') return escape(token, this.unicode);
    if (c === '.') return ANY;
    if (c === '^' || c === '$') return EMPTY;
    if (c === ')' || QUANTIFIER.test(token)) throw new Unsupported(`unexpected "${token}"`);
    return run(token);
  }
}

/** Plain text: not an escape, class, group, assertion, "." or quantifier. */
function isRun(token: string): boolean {
  const c = token[0];
  if (c === '\\' || c === '[' || c === '(' || c === ')' || c === '.' || c === '^' || c === '$' || c === '|' || c === '*' || c === '+' || c === '?') return false;
  return c !== '{' || !QUANTIFIER.test(token);
}

/** Plain text: its ASCII stretches are literals, anything else ends them. */
function run(text: string): Info {
  if (PLAIN.test(text)) return { exact: text.toLowerCase(), req: null };
  return concat(text.split(/([^\x20-\x7e])/).map((piece, k) => (k % 2 ? ANY : { exact: piece.toLowerCase(), req: null })));
}

/** An escape outside a class: "\b", "\w", "\x41", "\." … */
function escape(token: string, unicode: boolean): Info {
  const e = token[1];
  if (e === undefined) throw new Unsupported('trailing backslash');
  if (e === 'b' || e === 'B') return EMPTY;
  if (/[1-9kc]/.test(e)) throw new Unsupported('back-reference or control escape');
  if ('dDsSwWpP0fnrtv'.includes(e) && !(!unicode && (e === 'p' || e === 'P'))) return ANY;
  if ((e === 'x' || e === 'u') && token.length > 2) {
    const hex = token.slice(2).replace(/[{}]/g, '');
    return literal(String.fromCharCode(Math.min(parseInt(hex, 16), 0xffff)));
  }
  return literal(e);
}

/** "[sS]" is a literal; a wider class, a negated one or one with escapes for sets ends the literal. */
function characterClass(token: string, unicode: boolean): Info {
  const body = token.slice(1, -1);
  if (body.startsWith('^')) return ANY;
  const chars = new Set<string>();
  for (let k = 0; k < body.length; k++) {
    let ch = body[k];
    if (ch === '\\') {
      const e = body[++k];
      if (/[kc]/.test(e)) throw new Unsupported('escape in class');
      // Set escapes, property escapes, control and octal escapes: not a plain character.
      if (/[dDsSwWbfnrtv0-9]/.test(e) || (unicode && /[pPxu]/.test(e)) || (!unicode && /[xu]/.test(e))) return ANY;
      ch = e;
    }
    // A range: any but "a-a" is more than one character.
    if (body[k + 1] === '-' && k + 2 < body.length) return ANY;
    chars.add(ch);
  }
  const lower = new Set([...chars].map((c) => literal(c).exact));
  return lower.size === 1 && !lower.has(null) ? literal([...chars][0]) : ANY;
}

// ---- a case-sensitive twin for lower-cased text ----------------------------------------------
// Case-insensitive regexps cost about four times as much to compile. On a text whose characters
// are ASCII or punctuation without case (curly quotes, dashes, spaces: every sentence of the
// corpus but a few), a pattern matches case-insensitively exactly where its lower-cased twin
// matches the lower-cased text, case-sensitively: an ASCII character and its case pair fold to
// one lower-case character, classes are mapped the same way, and caseless characters match only
// themselves either way. Lower-casing such a text keeps every character in place.

/** Non-ASCII characters without case: Latin-1 punctuation and signs, and general punctuation (quotes, dashes, spaces). */
const CASELESS: [number, number][] = [
  [0xa0, 0xb4],
  [0xb6, 0xbf],
  [0xd7, 0xd7],
  [0xf7, 0xf7],
  [0x2000, 0x206f],
];

/** Texts the twin may run on: ASCII and caseless characters (tests check they have no case pair). */
export const FOLDABLE = new RegExp(`^[\\0-\\x7F${CASELESS.map(([a, b]) => `\\u${a.toString(16).padStart(4, '0')}-\\u${b.toString(16).padStart(4, '0')}`).join('')}]*$`);

let domain: number[] | undefined;
const restricted = new Map<string, number[]>();

/**
 * The characters of a lower-cased foldable text that a property escape (or any class) matches
 * case-insensitively in unicode mode: on such texts the twin needs no property tables, which are
 * costly to build each time a regexp is compiled.
 */
function membersInDomain(token: string): number[] {
  let members = restricted.get(token);
  if (!members) {
    domain ??= [...Array.from({ length: 128 }, (_, c) => c).filter((c) => c < 65 || c > 90), ...CASELESS.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k))];
    const re = new RegExp(token, 'iu');
    members = domain.filter((c) => re.test(String.fromCharCode(c)));
    restricted.set(token, members);
  }
  return members;
}

/** Non-ASCII characters that case-fold to ASCII ones in unicode mode: the long s and the Kelvin sign. */
const FOLDS_TO_ASCII: Record<number, number> = { 0x17f: 0x73, 0x212a: 0x6b };

function hex(code: number, unicode: boolean): string {
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code > 0xffff && unicode ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The lower-case form an ASCII character or a unicode-mode fold takes in the twin. */
function lowerCode(code: number, unicode: boolean): number {
  if (code >= 65 && code <= 90) return code + 32;
  return (unicode && FOLDS_TO_ASCII[code]) || code;
}

/** The code point an escape other than \d\w\s… stands for ("\x41", "\u{1F600}", "\."), or undefined. */
function escapedCode(token: string, unicode: boolean): number | undefined {
  const e = token[1];
  if ((e === 'x' || e === 'u') && token.length > 2) return parseInt(token.slice(2).replace(/[{}]/g, ''), 16);
  if (/[A-Za-z0-9]/.test(e)) return undefined;
  return unicode && !/[\^$\\.*+?()[\]{}|/-]/.test(e) ? undefined : e.charCodeAt(0);
}

interface ClassChar {
  code: number;
  /** Written as itself: only an unescaped "-" makes a range. */
  raw: boolean;
}

/** A class for lower-cased text: its ASCII characters folded to lower case, the rest as it was. */
function lowerClass(token: string, unicode: boolean): string | undefined {
  const body = token.slice(1, -1);
  const negated = body.startsWith('^');
  // A set escape kept as written, a character (or range end), or the characters a property escape stands for.
  const items: (ClassChar | string | number[])[] = [];
  for (let k = negated ? 1 : 0; k < body.length; k++) {
    if (body[k] !== '\\') {
      const code = unicode ? body.codePointAt(k)! : body.charCodeAt(k);
      if (code > 0xffff) k++;
      items.push({ code, raw: true });
      continue;
    }
    const m = (unicode ? /^\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|[pP]\{[^}]*\}|[^])/ : /^\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[^])/).exec(body.slice(k))!;
    k += m[0].length - 1;
    const e = m[0][1];
    if ('dDwWsS'.includes(e) && m[0].length === 2) items.push(m[0]);
    else if (e === 'p' || e === 'P') {
      if (!unicode) return undefined;
      items.push(membersInDomain(m[0]));
    } else if ('bfnrtv'.includes(e) && m[0].length === 2) items.push({ code: { b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 }[e]!, raw: false });
    else {
      const code = escapedCode(m[0], unicode);
      if (code === undefined) return undefined;
      items.push({ code, raw: false });
    }
  }
  const ascii = new Array<boolean>(128).fill(false);
  const kept: string[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (typeof item === 'string') {
      kept.push(item);
      continue;
    }
    if (Array.isArray(item)) {
      for (const c of item) {
        if (c < 128) ascii[c] = true;
        else kept.push(hex(c, unicode));
      }
      continue;
    }
    const from = item.code;
    let to = from;
    const dash = items[k + 1];
    if (typeof dash === 'object' && !Array.isArray(dash) && dash.raw && dash.code === 45 && k + 2 < items.length) {
      // "a-z"; a set escape at either end makes "-" a plain character (outside unicode mode).
      const end = items[k + 2];
      if (typeof end === 'string' || Array.isArray(end)) return undefined;
      to = end.code;
      k += 2;
    }
    for (let c = from; c <= Math.min(to, 127); c++) ascii[lowerCode(c, unicode)] = true;
    if (to >= 128) {
      const start = Math.max(from, 128);
      kept.push(start === to ? hex(start, unicode) : `${hex(start, unicode)}-${hex(to, unicode)}`);
      if (unicode) for (const c of Object.keys(FOLDS_TO_ASCII).map(Number)) if (c >= start && c <= to) ascii[FOLDS_TO_ASCII[c]] = true;
    }
  }
  let out = '';
  for (let c = 0; c < 128; c++) {
    if (!ascii[c]) continue;
    let end = c;
    while (end + 1 < 128 && ascii[end + 1]) end++;
    out += end === c ? hex(c, unicode) : `${hex(c, unicode)}-${hex(end, unicode)}`;
    c = end;
  }
  return `[${negated ? '^' : ''}${out}${kept.join('')}]`;
}

/**
 * The pattern for lower-cased foldable text, matched case-sensitively (see above); undefined
 * when the pattern holds something the mapping does not cover (a back-reference, a control
 * escape). Property escapes become the characters they match in such texts.
 */
export function lowerCasePattern(source: string, unicode: boolean): string | undefined {
  let out = '';
  for (const token of source.match(unicode ? TOKENS_U : TOKENS) ?? []) {
    if (token[0] === '[') {
      const cls = lowerClass(token, unicode);
      if (cls === undefined) return undefined;
      out += cls;
    } else if (token[0] === '\\') {
      const e = token[1];
      if (e === undefined) return undefined;
      if ('dDwWsSbBfnrtv'.includes(e) && token.length === 2) out += token;
      else if (e === 'p' || e === 'P') {
        if (!unicode) return undefined;
        out += lowerClass(`[${token}]`, unicode);
      } else if (e === '0') out += token;
      else {
        const code = escapedCode(token, unicode);
        if (code === undefined) return undefined;
        const lower = lowerCode(code, unicode);
        out += lower === code ? token : String.fromCharCode(lower);
      }
    } else if (token[0] === '(' || QUANTIFIER.test(token) || (token.length === 1 && '|).^$'.includes(token))) out += token;
    else out += token.replace(unicode ? /[A-Z\u017F\u212A]/g : /[A-Z]/g, (c) => String.fromCharCode(lowerCode(c.charCodeAt(0), unicode)));
  }
  return out;
}

export interface FragmentAnalysis {
  /** Lower-case ASCII literals one of which every match contains; undefined when none is known. */
  literals?: string[];
  /**
   * Per literal, where its index key starts (keyOffsetOf): part of the analysis so that the
   * build's table holds it too, and registering a list at start-up does no per-character work.
   */
  keyOffsets?: number[];
}

/**
 * Analyses one fragment of a list. Undefined when the fragment cannot be run on its own with the
 * same result (a capturing group or back-reference, whose numbers depend on the other
 * fragments) or uses syntax the analysis does not know.
 */
export function analyseFragment(fragment: string, unicode = false): FragmentAnalysis | undefined {
  const key = `${unicode ? 'u' : '-'}${fragment}`;
  const known = builtAnalyses().get(key);
  if (known !== undefined) return known ?? undefined;
  const analysis = analyse(fragment, unicode);
  recorded?.set(key, analysis ?? null);
  return analysis;
}

/**
 * The analyses of the built-in lists' fragments, made at build time (scripts/precompute-model.mjs
 * records them with CRISISLINT_FRAGMENT_ANALYSES=FILE) and kept beside the bundle: analysing them
 * at every start was about a tenth of a small file's run. A fragment not in the table (a user's
 * list, or running from the sources) is analysed here; tests/precomputed-model.test.ts checks the table.
 */
let built: Map<string, FragmentAnalysis | null> | undefined;
/**
 * The table's file access is lent by bin/load-bundle.cjs, so that this module (part of what
 * lintText bundles for a browser) imports no Node built-in; without it every fragment is analysed.
 */
interface FragmentTableHost {
  /** The table's JSON, or undefined when there is none. */
  read(): string | undefined;
  /** Set while the build records the table (CRISISLINT_FRAGMENT_ANALYSES=FILE): write it at exit. */
  record?(json: () => string): void;
}
const host = (globalThis as Record<symbol, unknown>)[Symbol.for('crisislint.fragmentTable')] as FragmentTableHost | undefined;
const recorded = host?.record ? new Map<string, FragmentAnalysis | null>() : undefined;
if (recorded) host!.record!(() => JSON.stringify([...recorded]));

export function builtAnalyses(): Map<string, FragmentAnalysis | null> {
  if (built) return built;
  built = new Map();
  if (recorded || !host) return built;
  try {
    const json = host.read();
    if (json) built = new Map(JSON.parse(json) as [string, FragmentAnalysis | null][]);
  } catch {
    // A damaged table: analyse every fragment.
  }
  return built;
}

function analyse(fragment: string, unicode: boolean): FragmentAnalysis | undefined {
  let info: Info;
  try {
    info = new Parser(fragment, unicode).parse();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const req = reqOf(info);
  const literals = req && req.length > 0 && !req.includes('') ? req : undefined;
  return literals ? { literals, keyOffsets: literals.map(keyOffsetOf) } : { literals };
}

// ---- one index over every registered list ------------------------------------------------------

/** The fragments of one pattern, shared by its plain and global RegExps. */
class FragmentList {
  /** Fragments without a known literal: candidates for every text. */
  readonly always: number[] = [];
  /** False when some fragment cannot run alone: the whole pattern runs instead, unfiltered. */
  readonly filtered: boolean;
  /** Its place in registration order: texts indexed before it was registered lack its hits. */
  readonly order: number = 0;
  /** Each fragment's literals, as [literal, fragment, the literal's key offset] triples. */
  readonly literals: [string, number, number][] = [];
  private readonly unicode: boolean;
  private readonly plain: (RegExp | undefined)[];
  /** Fragments' twins, made on first use: null where a fragment (or the edges) has none. */
  private readonly twins: (RegExp | null | undefined)[];
  /** The edges' twins, made on first use; null when they have none or the pattern is case-sensitive. */
  private twinEdges: [string, string] | null | undefined;

  constructor(
    readonly fragments: readonly string[],
    private readonly before: string,
    private readonly after: string,
    private readonly flags: string,
  ) {
    this.plain = new Array(fragments.length);
    this.twins = new Array(fragments.length);
    this.unicode = /[uv]/.test(flags);
    // A twin matches case-insensitively what its pattern matches, so only "i" patterns have one.
    if (!flags.includes('i') || flags.includes('d')) this.twinEdges = null;
    const analyses = /[yv]/.test(flags) ? [undefined] : fragments.map((f) => analyseFragment(String(f), this.unicode));
    this.filtered = analyses.every((a) => a !== undefined);
    if (!this.filtered) return;
    analyses.forEach((a, i) => {
      if (!a!.literals) this.always.push(i);
      else a!.literals.forEach((lit, k) => this.literals.push([lit, i, a!.keyOffsets![k]]));
    });
    this.order = register(this);
  }

  /** Fragment i alone, with the same edges and flags; compiled on first use. */
  plainRegex(i: number): RegExp {
    return (this.plain[i] ??= compile(`${this.before}(?:${this.fragments[i]})${this.after}`, this.flags));
  }

  /** Fragment i's twin for lower-cased foldable text, or null when it has none; made on first use. */
  twinRegex(i: number): RegExp | null {
    let twin = this.twins[i];
    if (twin !== undefined) return twin;
    if (this.twinEdges === undefined) {
      const edges = [lowerCasePattern(this.before, this.unicode), lowerCasePattern(this.after, this.unicode)];
      this.twinEdges = edges[0] !== undefined && edges[1] !== undefined ? [edges[0], edges[1]] : null;
    }
    const lowered = this.twinEdges && lowerCasePattern(String(this.fragments[i]), this.unicode);
    twin = null;
    if (lowered !== null && lowered !== undefined) {
      try {
        twin = compile(`${this.twinEdges![0]}(?:${lowered})${this.twinEdges![1]}`, this.flags.replace('i', ''));
      } catch {
        twin = null;
      }
    }
    this.twins[i] = twin;
    return twin;
  }

  /**
   * Fragment i alone on the entry's text from `start`: its twin on the lower-cased text when it
   * may, else as written. A twin's match is given with the original text's characters.
   */
  execFragment(i: number, entry: TextEntry, start: number): RegExpExecArray | null {
    const lowered = this.twinEdges === null ? null : loweredOf(entry);
    const twin = lowered === null ? null : this.twinRegex(i);
    if (twin) return inOriginal(execFrom(twin, lowered!, start), entry.text);
    return execFrom(this.plainRegex(i), subjectOf(entry), start);
  }

  /**
   * The match of the whole pattern in the entry's text from `start`, given the fragments that
   * may match. Only those run, alone: over a corpus that compiles less than the whole
   * alternations of the lists that get used, and one fragment runs several times faster than an
   * alternation of dozens (measured).
   */
  exec(entry: TextEntry, start: number, candidates: readonly number[]): RegExpExecArray | null {
    let best: RegExpExecArray | null = null;
    let bestFragment = -1;
    for (const i of candidates) {
      if (i === bestFragment) continue;
      const m = this.execFragment(i, entry, start);
      // The leftmost match; at one position, the fragment the alternation tries first.
      if (m && (!best || m.index < best.index || (m.index === best.index && i < bestFragment))) {
        best = m;
        bestFragment = i;
      }
    }
    return best;
  }
}

function execFrom(re: RegExp, text: string, start: number): RegExpExecArray | null {
  re.lastIndex = start;
  return re.exec(text);
}

/** A global RegExp (so it can start anywhere), compiled to machine code now. */
function compile(source: string, flags: string): RegExp {
  // The same fragment with the same edges recurs across lists (49 of 796 compiles over the
  // corpus): one RegExp serves them all, as every run sets lastIndex first.
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (re) return re;
  re = new RegExp(source, `${flags}g`);
  compiled.set(key, re);
  // V8 first compiles a regexp to bytecode and recompiles it to machine code on the next run,
  // unless the subject is long (1000 characters or more). One run on a long string skips the
  // bytecode: the two compiles together cost more than twice the machine code alone.
  re.exec(LONG_SUBJECT);
  return re;
}

const compiled = new Map<string, RegExp>();

/** NUL characters: no fragment matches them or loops on them. */
const LONG_SUBJECT = '\0'.repeat(1024);


const literals: string[] = [];
/** Where each literal's key starts within it. */
const keyOffsets: number[] = [];
const literalIds = new Map<string, number>();
/** Per literal: the lists and fragments that hold it, as flat pairs [list order, fragment, …]. */
const postings: number[][] = [];
/**
 * Literal ids by the key of one of their four-character substrings (the rarest-looking one), or
 * of the whole literal when it has three characters (those keys have bit 28 set).
 */
const byKey = new Map<number, number[]>();
/** A bit per hash of those keys (8 KB): most substrings of a text start no literal, and one bit test says so. */
const keyBits = new Uint8Array(1 << 13);
/**
 * Literal ids shorter than three characters, by their one character (oneChar) or their two
 * characters' 14-bit key (twoChars); -1 for none. The pass over a text finds them with the rest.
 */
const oneChar = new Int32Array(128).fill(-1);
const twoChars = new Int32Array(1 << 14).fill(-1);
let seen = new Uint32Array(256);
let visit = 0;
/** How many lists have registered. */
let registered = 0;

const TRIGRAM = 1 << 28;

function keyBit(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 16;
}

// English letters from most to least frequent, and frequent trigrams (of English and of status
// pages): a literal is indexed by its rarest-looking four characters, so that few texts wake it.
const FREQUENT = ' etaoinshrdlcumwfgypbvkjxqz';
const COMMON_TRIGRAMS = new Set(
  (
    'the|he |ing|ng |and|nd |of |ion|on |tio|in |er |ent|is |es |re |ati|at |for|or |ter|her|hat|tha|ere|ate|his|con|res|ver|all|ons|nce|' +
    'men|ith|ted|ers|pro|thi|wit|are|ess|not|ive|was|ect|rea|com|eve|per|int|est|sta|cti|ica|ist|ear|ain|one|our|iti|rat|ly |ce |te |' +
    'nt |se |ty |al |le |st |en |ed |to |ue |ser|vic|rvi|ice|err|rro|ror|ors|inv|nve|ves|sti|iga|gat|upd|pda|dat|iss|ssu|sue|mon|oni|' +
    'nit|tor|ori|rin|pen|enc|nci|ien|inc|cid|ide|ome|tom|cus|ust|sto|use|wil|ill|ll |we |ar |ve |ore|rom|fro|eas|ase|ues|ous|out|ut |' +
    'ry |red|ded|ren|tin|uin|inu'
  ).split('|'),
);

/** Per ASCII code: its rank in FREQUENT (20 for characters not listed); common trigrams by their 21-bit key. */
const RANK = new Int8Array(128).fill(20);
for (let k = 0; k < FREQUENT.length; k++) RANK[FREQUENT.charCodeAt(k)] = k;
const COMMON_KEYS = new Set([...COMMON_TRIGRAMS].map((t) => (t.charCodeAt(0) << 14) | (t.charCodeAt(1) << 7) | t.charCodeAt(2)));

function rarity(literal: string, from: number, to: number): number {
  let r = 0;
  let key = 0;
  for (let k = from; k < to; k++) {
    const c = literal.charCodeAt(k);
    r += RANK[c];
    key = ((key << 7) | c) & 0x1fffff;
    if (k - from >= 2 && COMMON_KEYS.has(key)) r -= 100;
  }
  return r;
}

function keyOf(literal: string, from: number, length: number): number {
  let key = 0;
  for (let k = from; k < from + length; k++) key = (key << 7) | literal.charCodeAt(k);
  return length === 3 ? key | TRIGRAM : key;
}

/** The id of a literal, added to the index with its key at `keyOffset` (keyOffsetOf) when new. */
function literalId(literal: string, keyOffset: number): number {
  let id = literalIds.get(literal);
  if (id !== undefined) return id;
  id = literals.length;
  literals.push(literal);
  keyOffsets.push(0);
  literalIds.set(literal, id);
  postings.push([]);
  if (id >= seen.length) {
    const grown = new Uint32Array(seen.length * 2);
    grown.set(seen);
    seen = grown;
  }
  if (literal.length === 1) oneChar[literal.charCodeAt(0)] = id;
  else if (literal.length === 2) twoChars[(literal.charCodeAt(0) << 7) | literal.charCodeAt(1)] = id;
  else {
    keyOffsets[id] = keyOffset;
    const key = keyOf(literal, keyOffset, literal.length === 3 ? 3 : 4);
    const bit = keyBit(key);
    keyBits[bit >> 3] |= 1 << (bit & 7);
    const ids = byKey.get(key);
    if (ids) ids.push(id);
    else byKey.set(key, [id]);
  }
  return id;
}

/** Adds a list's literals to the index; returns its registration order. */
function register(list: FragmentList): number {
  const order = ++registered;
  const triples = list.literals;
  for (let k = 0; k < triples.length; k++) {
    // Indexed, not destructured: an array pattern steps through an iterator, per literal.
    const triple = triples[k];
    postings[literalId(triple[0], triple[2])].push(order, triple[1]);
  }
  return order;
}

/**
 * Where a literal's index key starts: its rarest-looking four characters (the whole literal when
 * it has three or four). Computed once per fragment by the analysis, at build time for the
 * built-in lists: the scan over every literal's windows at every start made V8 optimise it.
 */
function keyOffsetOf(literal: string): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let i = 0; i + 4 <= literal.length; i++) {
    const score = rarity(literal, i, i + 4);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Lower case as case-insensitive matching sees ASCII: toLowerCase() maps every character that
 * matches an ASCII letter to it, except the long s, which matches "s" in unicode mode.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('\u017F') ? lower.replaceAll('\u017F', 's') : lower;
}

interface TextEntry {
  text: string;
  folded: string;
  /** Lists asked about so far: a text asked about once (a statement's whole text) is not worth indexing. */
  asked: number;
  /** The text to run regexps on: the same characters, one byte each when they fit (see subjectOf). */
  subject: string | undefined;
  /** The lower-cased text for twins, when they may run on it; null when they may not. */
  lowered: string | null | undefined;
  /** Lists registered when the text was indexed; later lists are looked up one by one. */
  registered: number;
  /**
   * Once indexed: a bit per list order with a literal in the text. A plain array of a few small
   * integers: a typed array's two headers took more room than its data.
   */
  lists: number[] | undefined;
  /** Once indexed: pairs [list order, fragment, …] for the literals found. */
  pairs: Int32Array | undefined;
  /**
   * By list order: its fragments that may match (unsorted, possibly repeated), once asked. A Map,
   * not an array indexed by order: a text is asked about a few lists of hundreds, and the cache
   * keeps thousands of texts for the whole run (a sparse array took 9 of the corpus run's 20 MB).
   */
  hits: Map<number, readonly number[]> | undefined;
  /**
   * The whole pattern's first match from the start, memoised per list: several rules ask the same
   * list about the same sentence ("sorry" about 4.6 times per sentence over the corpus), and a
   * non-global match depends on nothing else. `known` holds a bit per list order asked (30 to a
   * number, so they stay small integers); most answers are "none", and only matches take room.
   */
  known: number[] | undefined;
  firsts: Map<number, RegExpExecArray> | undefined;
}

/** Literals whose key is `key`, found in the text ending at `end` (verified at that place). */
function lookUp(key: number, width: number, folded: string, end: number, stamp: number, found: number[]): void {
  const ids = byKey.get(key);
  if (!ids) return;
  for (const id of ids) {
    if (seen[id] === stamp) continue;
    const literal = literals[id];
    if (literal.length === width || folded.startsWith(literal, end - width - keyOffsets[id])) {
      seen[id] = stamp;
      found.push(id);
    }
  }
}

/** Characters up to 0xFF: the text can be held one byte per character. */
const WIDE = /[^\0-\xFF]/;

/** One pass over the text finds the literals of every registered list at once. */
function indexText(entry: TextEntry): void {
  const folded = entry.folded;
  const stamp = ++visit;
  const found: number[] = [];
  // Literals are ASCII: a substring with any other character cannot be one of theirs.
  let key = 0;
  let run = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (c >= 128) {
      run = 0;
      continue;
    }
    key = ((key << 7) | c) & 0xfffffff;
    let short = oneChar[c];
    if (short >= 0 && seen[short] !== stamp) {
      seen[short] = stamp;
      found.push(short);
    }
    if (++run < 2) continue;
    short = twoChars[key & 0x3fff];
    if (short >= 0 && seen[short] !== stamp) {
      seen[short] = stamp;
      found.push(short);
    }
    if (run < 3) continue;
    const key3 = (key & 0x1fffff) | TRIGRAM;
    let bit = keyBit(key3);
    if (keyBits[bit >> 3] & (1 << (bit & 7))) lookUp(key3, 3, folded, i + 1, stamp, found);
    if (run < 4) continue;
    bit = keyBit(key);
    if (keyBits[bit >> 3] & (1 << (bit & 7))) lookUp(key, 4, folded, i + 1, stamp, found);
  }
  const lists = zeros((registered >> 5) + 1);
  const pairs: number[] = [];
  for (const id of found) {
    const post = postings[id];
    for (let k = 0; k < post.length; k += 2) {
      const order = post[k];
      lists[order >> 5] |= 1 << (order & 31);
      pairs.push(order, post[k + 1]);
    }
  }
  entry.lists = lists;
  // Kept for the whole run: four bytes a number, and no spare capacity from push().
  entry.pairs = new Int32Array(pairs);
  entry.registered = registered;
}

/**
 * The text to run regexps on. V8 compiles a regexp apart for strings stored two bytes per
 * character, and a sentence cut from a file with one curly quote is stored so even when it is
 * plain ASCII: a one-byte copy spares every regexp that second compile.
 */
function subjectOf(entry: TextEntry): string {
  return (entry.subject ??= WIDE.test(entry.text) ? entry.text : Buffer.from(entry.text, 'latin1').toString('latin1'));
}

/** The lower-cased text for twins (one byte per character when it fits), or null when the text is not foldable. */
function loweredOf(entry: TextEntry): string | null {
  if (entry.lowered === undefined) {
    const folded = entry.folded;
    entry.lowered = !FOLDABLE.test(entry.text) ? null : WIDE.test(folded) ? folded : Buffer.from(folded, 'latin1').toString('latin1');
  }
  return entry.lowered;
}

/** A match found in the lower-cased text, as the original text's match (the same place, its own characters). */
function inOriginal(m: RegExpExecArray | null, text: string): RegExpExecArray | null {
  if (!m) return null;
  const result = [text.slice(m.index, m.index + m[0].length)] as unknown as RegExpExecArray;
  result.index = m.index;
  result.input = text;
  result.groups = undefined;
  return result;
}

const CACHE_LIMIT = 10_000;
const cache = new Map<string, TextEntry>();
let lastText: string | undefined;
let lastEntry: TextEntry | undefined;

/** Memoised per text: rules ask about the same sentence many times. */
function entryOf(text: string): TextEntry {
  if (text === lastText) return lastEntry!;
  let entry = cache.get(text);
  if (!entry) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    entry = { text, folded: foldCase(text), asked: 0, subject: undefined, lowered: undefined, registered: 0, lists: undefined, pairs: undefined, hits: undefined, known: undefined, firsts: undefined };
    cache.set(text, entry);
  }
  lastText = text;
  lastEntry = entry;
  return entry;
}

const NONE: readonly number[] = [];

/** An array of `length` zeros, with no room to spare. */
function zeros(length: number): number[] {
  return new Array<number>(length).fill(0);
}

/** The fragments of `list` whose literals the text holds, looked up one by one. */
function lookUpAlone(list: FragmentList, entry: TextEntry): number[] {
  const found: number[] = [];
  for (const [literal, fragment] of list.literals) if (entry.folded.includes(literal)) found.push(fragment);
  return found;
}

/** The fragments of `list` that may match `text`, unsorted (a fragment may repeat). */
function candidates(list: FragmentList, entry: TextEntry): readonly number[] {
  const order = list.order;
  let hit: readonly number[] | undefined = entry.hits?.get(order);
  if (!hit) {
    if (!entry.lists && entry.asked++ === 0 && list.literals.length <= 24) {
      // The first list asking about a text: a short one is cheaper to look up alone than indexing.
      hit = lookUpAlone(list, entry);
    } else {
      if (!entry.lists) indexText(entry);
      if (order > entry.registered) {
        // Registered after the text was indexed: look for this list's literals alone.
        hit = lookUpAlone(list, entry);
      } else if (entry.lists![order >> 5] & (1 << (order & 31))) {
        const pairs = entry.pairs!;
        const found: number[] = [];
        for (let k = 0; k < pairs.length; k += 2) if (pairs[k] === order) found.push(pairs[k + 1]);
        hit = found;
      } else return list.always;
    }
    // A copy of its own length: the array push() built has room for 17, and the cache keeps it for the run.
    hit = hit.length === 0 ? NONE : hit.slice();
    (entry.hits ??= new Map()).set(order, hit);
  }
  if (list.always.length === 0) return hit ?? NONE;
  if (!hit || hit.length === 0) return list.always;
  return [...hit, ...list.always];
}

// ---- a RegExp that runs only the fragments that may match --------------------------------------

/** A fresh copy of a memoised match, as exec() returns a fresh array each time. */
function copyMatch(m: RegExpExecArray): RegExpExecArray {
  const copy = m.slice() as RegExpExecArray;
  copy.index = m.index;
  copy.input = m.input;
  copy.groups = m.groups === undefined ? undefined : { ...m.groups };
  if (m.indices) copy.indices = m.indices;
  return copy;
}

function toLength(value: unknown): number {
  const n = Math.trunc(Number(value));
  return n > 0 ? Math.min(n, Number.MAX_SAFE_INTEGER) : 0;
}

/**
 * The RegExp `${before}(?:f1|f2|…)${after}` that runs only the fragments the index allows, each
 * compiled on first use. exec() and test() give what the whole pattern gives: the leftmost match
 * and, at one position, the first fragment in list order (the order an alternation tries them),
 * and the same lastIndex. `before` must be zero-width (a lookbehind, \b, ^) for that to hold.
 * Methods that copy the RegExp (matchAll, split) get a plain RegExp with the same pattern.
 */
export class FragmentRegExp extends RegExp {
  static override get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }

  private readonly list: FragmentList;
  /** The "g" flag, read once: the getter is a call. */
  private readonly isGlobal: boolean;

  /**
   * `global` adds the "g" flag. `share` is the other RegExp of the same fragments, edges and
   * flags (plain or global): the two share compiled fragments.
   */
  constructor(fragments: readonly string[], before: string, after: string, flags: string, global = false, share?: FragmentRegExp) {
    const body = fragments.length ? fragments.map((p) => `(?:${p})`).join('|') : '(?!)';
    const base = flags.replace('g', '');
    // The whole pattern is still parsed here, so a bad fragment throws the same SyntaxError as a plain RegExp.
    super(`${before}(?:${body})${after}`, global || flags.includes('g') ? `${base}g` : base);
    this.list = share?.list ?? new FragmentList(fragments, before, after, base);
    this.isGlobal = this.global;
  }

  /** As RegExp.prototype.test (which calls exec), without its generic lookup of "exec". */
  override test(input: string): boolean {
    if (this.isGlobal || !this.list.filtered) return this.exec(input) !== null;
    return this.first(typeof input === 'string' ? input : String(input)) !== null;
  }

  /** The first match from the start of `text`, memoised per text (shared: callers get copies). */
  private first(text: string): RegExpExecArray | null {
    const list = this.list;
    const entry = entryOf(text);
    const order = list.order;
    const word = (order / 30) | 0;
    const bit = 1 << order % 30;
    let known = entry.known;
    if (known && (known[word] ?? 0) & bit) return entry.firsts?.get(order) ?? null;
    const may = candidates(list, entry);
    const found = may.length === 0 ? null : list.exec(entry, 0, may);
    // Grown to the size needed, not by push(), whose spare room the cache would keep for the run.
    if (!known || known.length <= word) {
      const grown = zeros(word + 1);
      if (known) for (let i = 0; i < known.length; i++) grown[i] = known[i];
      entry.known = known = grown;
    }
    known[word] |= bit;
    if (found) (entry.firsts ??= new Map()).set(order, found);
    return found;
  }

  /**
   * The fragments (indexes into the list, unsorted, possibly repeated) that may match `text`;
   * the others cannot. Every fragment when the list runs unfiltered.
   */
  candidates(text: string): readonly number[] {
    return this.list.filtered ? candidates(this.list, entryOf(text)) : this.list.fragments.map((_, i) => i);
  }

  /** Fragment i alone from the start of `text` (the same pattern as `${before}(?:fragment)${after}`, global). */
  execFragment(i: number, text: string): RegExpExecArray | null {
    return this.list.execFragment(i, entryOf(text), 0);
  }

  override exec(input: string): RegExpExecArray | null {
    const list = this.list;
    if (!list.filtered) return super.exec(input);
    const text = typeof input === 'string' ? input : String(input);
    const global = this.isGlobal;
    if (!global) {
      const found = this.first(text);
      return found && copyMatch(found);
    }
    const start = toLength(this.lastIndex);
    if (start > text.length) {
      this.lastIndex = 0;
      return null;
    }
    const entry = entryOf(text);
    const may = candidates(list, entry);
    const best = may.length === 0 ? null : list.exec(entry, start, may);
    this.lastIndex = best ? best.index + best[0].length : 0;
    return best;
  }
}

// ---- a RegExp that runs only on texts holding one of its literals ---------------------------------

/**
 * The pattern with its capturing groups made non-capturing (they match the same text), for the
 * literal analysis, which knows no groups; undefined when it refers back to a group.
 */
function withoutCaptures(source: string, unicode: boolean): string | undefined {
  // Most patterns have no "(" without "?" after it: no need to tokenise them (a "(" missed here
  // after an escaped backslash only makes the analysis refuse the group, so nothing is gated).
  if (!/(?:^|[^\\])\((?!\?)/.test(source)) return source;
  let out = '';
  for (const token of source.match(unicode ? TOKENS_U : TOKENS) ?? []) {
    if (/^\\(?:[1-9]|k)/.test(token) || token === '(?<') return undefined;
    out += token === '(' ? '(?:' : token;
  }
  return out;
}

/**
 * A RegExp that first looks, in the case-folded text, for the literals one of which every match
 * of its pattern contains (derived as for a fragment, and recorded at build time), and fails
 * without running when there is none. A big pattern (a platitude's alternations cost V8 several
 * milliseconds to compile) is then compiled only once some text may match it: never, in most
 * short runs. Otherwise it is the pattern itself (with property escapes, its twin where that is
 * exact: src/nlp/property-twin.ts): the same matches, groups and lastIndex.
 */
export class GatedRegExp extends PropertyTwinRegExp {
  /** The literals; undefined when the pattern has none known (it always runs). */
  private readonly literals: readonly string[] | undefined;
  private readonly resets: boolean;

  constructor(pattern: string | RegExp, flags?: string) {
    super(pattern, flags);
    const source = /[yv]/.test(this.flags) ? undefined : withoutCaptures(this.source, this.unicode);
    this.literals = source === undefined ? undefined : analyseFragment(source, this.unicode)?.literals;
    this.resets = this.global;
  }

  override test(input: string): boolean {
    return this.exec(input) !== null;
  }

  override exec(input: string): RegExpExecArray | null {
    const literals = this.literals;
    if (literals === undefined) return super.exec(input);
    const text = typeof input === 'string' ? input : String(input);
    const folded = entryOf(text).folded;
    for (const literal of literals) if (folded.includes(literal)) return super.exec(text);
    // No match anywhere in the text: what exec gives, lastIndex included.
    if (this.resets) this.lastIndex = 0;
    return null;
  }
}
