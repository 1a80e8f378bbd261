// A PropertyTwinRegExp must match exactly where its pattern matches: its twin (property escapes
// written out as Latin-1 characters) on texts of the domain, the pattern itself on any other.
import { describe, expect, it } from 'vitest';
import { PropertyTwinRegExp, TWIN_CASELESS, TWIN_DOMAIN, TWIN_RANGES, twinSource } from '../src/nlp/property-twin.js';

const DOMAIN_CODES = [...Array.from({ length: 0x100 }, (_, c) => c), ...Array.from({ length: 0x70 }, (_, k) => 0x2000 + k)];

describe('the written-out property sets', () => {
  it('cover the domain exactly', () => {
    expect(DOMAIN_CODES.every((c) => TWIN_DOMAIN.test(String.fromCharCode(c)))).toBe(true);
    for (const outside of ['\u0100', '\u017f', '\u1e9e', '\u2070', '\u2071', '\u212a', '\u{1f600}', '\u0430']) expect(TWIN_DOMAIN.test(`a${outside}`)).toBe(false);
  });

  for (const property of Object.keys(TWIN_RANGES)) {
    for (const flags of TWIN_CASELESS.has(property) ? ['u', 'iu'] : ['u']) {
      it(`\\p{${property}} with flags ${flags}: the same members in the domain, plain and negated`, () => {
        for (const negated of ['', '^']) {
          const own = new RegExp(`^[${negated}\\p{${property}}]$`, flags);
          const twin = new RegExp(`^[${negated}${TWIN_RANGES[property]}]$`, flags);
          const differing = DOMAIN_CODES.filter((c) => own.test(String.fromCharCode(c)) !== twin.test(String.fromCharCode(c)));
          expect(differing.map((c) => c.toString(16))).toEqual([]);
        }
      });
    }
  }

  it('has no twin where one would not be exact', () => {
    expect(twinSource('\\p{L}', 'u')).toBe(`[${TWIN_RANGES.L}]`);
    expect(twinSource('[\\p{L}\\p{N}-]', 'giu')).toBe(`[${TWIN_RANGES.L}${TWIN_RANGES.N}-]`);
    expect(twinSource('\\\\p{L}', 'u')).toBeUndefined(); // an escaped backslash, then "p{L}": no escape to write out
    expect(twinSource('\\P{L}', 'u')).toBeUndefined();
    expect(twinSource('\\p{Lu}', 'iu')).toBeUndefined();
    expect(twinSource('\\p{So}', 'u')).toBeUndefined();
    expect(twinSource('\\p{L}', 'i')).toBeUndefined();
    expect(twinSource('abc', 'u')).toBeUndefined();
  });
});

/** Seeded random texts: domain characters mostly, some from outside it (case partners, letters of other scripts). */
function texts(count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pieces = ['NTL', 'RCA', 'SEV-1', 'ACME', 'GHES', "NTL's", 'Acme', 'the', 'team', 'is aware', 'has identified', 'regrets', 'company', ' ', ' ', '. ', ', ', '’s', '—', '-', '/', '.', '@', '1', '2', 'é', 'É', 'ß', 'µ', 'ÿ', 'ª', '²', '½', 'Ω', 'ſ', '\u212a', '\u1e9e', 'Ж', 'Z', 'x', '\u{1d400}', '\u2071'];
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 14) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
}

function allMatches(re: RegExp, text: string): [number, string[]][] {
  const out: [number, string[]][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([m.index, [...m]]);
    if (!re.global) break;
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

describe('PropertyTwinRegExp', () => {
  const patterns: [string, string][] = [
    [String.raw`(?<![\p{L}\p{N}])[A-Z][A-Z0-9&]*[A-Z0-9](?![\p{L}\p{N}])`, 'gu'],
    [String.raw`(?<![\p{L}\p{N}/\\._@#:-])([A-Z][A-Z0-9]*[A-Z0-9](?:-\d+)?)(s?)(?![\p{L}\p{N}/\\_@-]|\.[\p{L}\p{N}])`, 'gu'],
    [String.raw`(?<!\b(?:the|a|an) )(?<![\p{L}\p{N}])([A-Z][A-Z0-9&]*[A-Z0-9])['’]s\b`, 'giu'],
    [String.raw`(?:\b(?:company|team)|\b\p{Lu}[\p{L}\p{N}&.-]*)\s+(?:[\p{L}\p{N}.&'-]+\s+){0,3}?(?:is\s+)*(?:aware|regrets|has identified)(?![\p{L}\p{N}])`, 'u'],
    [String.raw`^\s*(?:aware|regrets)(?![\p{L}\p{N}])`, 'iu'],
    [String.raw`\p{Ll}+\p{Lu}`, 'gu'],
  ];
  const samples = texts(3000, 7);

  for (const [source, flags] of patterns) {
    it(`matches as /${source.slice(0, 40)}…/${flags} does, in and outside the domain`, () => {
      const twin = new PropertyTwinRegExp(source, flags);
      const plain = new RegExp(source, flags);
      expect(twin.source).toBe(plain.source);
      expect(twin.flags).toBe(plain.flags);
      let outside = 0;
      for (const text of samples) {
        if (!TWIN_DOMAIN.test(text)) outside++;
        expect(allMatches(twin, text), text).toEqual(allMatches(plain, text));
        expect(twin.test(text), text).toBe(plain.test(text));
        if (flags.includes('g')) {
          expect([...text.matchAll(twin)].map((m) => [m.index, ...m])).toEqual([...text.matchAll(plain)].map((m) => [m.index, ...m]));
          expect(text.replace(twin, '<$&>')).toBe(text.replace(plain, '<$&>'));
        }
        expect(text.split(twin)).toEqual(text.split(plain));
      }
      // Both kinds of text were tried.
      expect(outside).toBeGreaterThan(100);
      expect(outside).toBeLessThan(samples.length - 100);
    });
  }

  it('is the pattern itself when it has no twin', () => {
    const re = new PropertyTwinRegExp('\\p{So}+', 'gu');
    expect(re.source).toBe('\\p{So}+');
    expect('a ✓✓ b'.match(re)).toEqual(['✓✓']);
  });
});
