// Unicode property escapes (\p{L}, \p{N}, …) make V8 build their character sets from ICU's tables
// each time it parses a pattern: when the RegExp is created, and again when it is compiled. A
// pattern with a few of them costs millions of instructions before it first matches, at every
// start (bench/RESULTS.md). Nearly every statement is written in Latin-1 characters and general
// punctuation (curly quotes, dashes); in such a text a property escape can only match the Latin-1
// characters listed below, so a twin pattern with the escapes written out as those characters
// matches exactly where the pattern does. The pattern itself is compiled only when a text holds
// another character. tests/property-twin.test.ts checks every listed set against V8's own over
// the whole domain, with and without the i flag, plain and negated.

/** The characters the twins are exact for: Latin-1 and general punctuation (U+2000–U+206F). */
export const TWIN_DOMAIN = /^[\0-\xff\u2000-\u206f]*$/;

/** Each property's members in the domain, written as class ranges (the domain's general punctuation holds none). */
export const TWIN_RANGES: Readonly<Record<string, string>> = {
  L: 'A-Za-z\\xaa\\xb5\\xba\\xc0-\\xd6\\xd8-\\xf6\\xf8-\\xff',
  N: '0-9\\xb2\\xb3\\xb9\\xbc-\\xbe',
  Lu: 'A-Z\\xc0-\\xd6\\xd8-\\xde',
  Ll: 'a-z\\xb5\\xdf-\\xf6\\xf8-\\xff',
};

/**
 * Properties whose written-out twin is exact under the i flag as well. \p{Lu} is not: with i it
 * also matches "ß", "µ" and "ÿ", whose case partners (ẞ, Μ, Ÿ) lie outside Latin-1.
 */
export const TWIN_CASELESS = new Set(['L', 'N']);

const PROPERTY = /\\([pP])\{([^}]*)\}/y;

/**
 * The pattern with its property escapes written out for the domain; undefined when it has none,
 * or one without a twin (a negated \P, another property, a case-sensitive one under i), or is not
 * a unicode-mode pattern (outside it, "\p" is a plain "p").
 */
export function twinSource(source: string, flags: string): string | undefined {
  if (!flags.includes('u') || flags.includes('v') || !/\\[pP]\{/.test(source)) return undefined;
  const caseless = flags.includes('i');
  let out = '';
  let inClass = false;
  let copied = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 92 /* \ */) {
      PROPERTY.lastIndex = i;
      const m = PROPERTY.exec(source);
      if (!m) {
        i++; // an escaped character: never a class bracket
        continue;
      }
      const ranges = TWIN_RANGES[m[2]];
      if (m[1] === 'P' || ranges === undefined || (caseless && !TWIN_CASELESS.has(m[2]))) return undefined;
      out += source.slice(copied, i) + (inClass ? ranges : `[${ranges}]`);
      i += m[0].length - 1;
      copied = i + 1;
    } else if (c === 91 /* [ */) inClass = true;
    else if (c === 93 /* ] */) inClass = false;
  }
  // Only escaped backslashes before "p{": nothing to write out.
  return copied === 0 ? undefined : out + source.slice(copied);
}

let lastText: string | undefined;
let lastInDomain = false;

function inDomain(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastInDomain = TWIN_DOMAIN.test(text);
  }
  return lastInDomain;
}

/**
 * What methods that copy the RegExp (matchAll, split) construct: a plain RegExp of the pattern,
 * read from `source` (a RegExp given as the pattern would lend its twin).
 */
function PlainCopy(pattern: RegExp | string, flags?: string): RegExp {
  return new RegExp(typeof pattern === 'string' ? pattern : pattern.source, flags);
}

/**
 * A RegExp with property escapes that runs its twin on texts of the domain and itself, compiled
 * on first need, on any other text: the same matches, groups and lastIndex either way. Without a
 * twin it is the pattern itself. `source` is the pattern as written.
 */
export class PropertyTwinRegExp extends RegExp {
  static override get [Symbol.species](): RegExpConstructor {
    return PlainCopy as unknown as RegExpConstructor;
  }

  /** The pattern as written, when this RegExp's own matcher is its twin. */
  private readonly written: string | undefined;
  private full: RegExp | undefined;

  constructor(pattern: string | RegExp, flags?: string) {
    const source = typeof pattern === 'string' ? pattern : pattern.source;
    const flagged = flags ?? (typeof pattern === 'string' ? '' : pattern.flags);
    const twin = twinSource(source, flagged);
    super(twin ?? source, flagged);
    this.written = twin === undefined ? undefined : source;
  }

  override get source(): string {
    return this.written ?? super.source;
  }

  override test(input: string): boolean {
    return this.exec(input) !== null;
  }

  override exec(input: string): RegExpExecArray | null {
    if (this.written === undefined) return super.exec(input);
    const text = typeof input === 'string' ? input : String(input);
    if (inDomain(text)) return super.exec(text);
    const full = (this.full ??= new RegExp(this.written, this.flags));
    full.lastIndex = this.lastIndex;
    const m = full.exec(text);
    this.lastIndex = full.lastIndex;
    return m;
  }
}
