// The browser build's Buffer, injected for the one use linting makes of it: src/nlp/prefilter.ts
// copies a text of one-byte characters with Buffer.from(text, 'latin1').toString('latin1') so
// that V8 stores it one byte per character. That copy equals the text, so here it is the text.
// Any other use fails loudly rather than quietly computing something else.
export const Buffer = {
  from(text: string, encoding: string) {
    if (typeof text !== 'string' || encoding !== 'latin1') throw new Error('the browser build supports only Buffer.from(text, "latin1")');
    return {
      toString(as: string): string {
        if (as !== 'latin1') throw new Error('the browser build supports only toString("latin1")');
        return text;
      },
    };
  },
};
