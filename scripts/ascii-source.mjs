// Rewrites a built bundle as pure ASCII. esbuild escapes non-ASCII characters in strings but
// leaves them in regular-expression literals and comments, and a single one makes Node decode the
// whole file as UTF-8 into a two-byte string: reading the 1.6 MB CLI bundle then costs about
// 38 M instructions instead of 9 M (callgrind, bench/RESULTS.md), at every start.
//
// Each character outside ASCII becomes its \uXXXX escape (two, for one beyond the BMP: the same
// UTF-16 units, which a u-mode pattern reads as one code point again). That escape means the same
// character in every place a bundle holds one: a string, a template's cooked text, a regular
// expression (with or without the u flag), a comment, an identifier. A character that was itself
// escaped (`\’`, an identity escape) keeps one backslash, not two. String.raw templates are the
// one place where the escape would change the value: the build refuses those (checked).

const NON_ASCII = /(\\*)([^\x00-\x7f])/gu;

export function escapeNonAscii(source, file = 'bundle') {
  if (!/[^\x00-\x7f]/.test(source)) return source;
  if (/String\.raw`[^`]*[^\x00-\x7f]/.test(source)) throw new Error(`${file}: a String.raw template holds a non-ASCII character; it cannot be escaped`);
  return source.replace(NON_ASCII, (_, slashes, char) => {
    const units = Array.from({ length: char.length }, (__, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
    // An odd run of backslashes escapes the character itself: the \u escape takes that place.
    return (slashes.length % 2 === 1 ? slashes.slice(1) : slashes) + units;
  });
}
