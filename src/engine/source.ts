// Reading input bytes into text, with one clear error for what is not a text statement.

import { InputError } from '../inputs/errors.js';
import { lineStartsOf, type SourceFile } from './model.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

export function decodeSource(path: string, bytes: Uint8Array): SourceFile {
  if (bytes.length === 0) throw new InputError('file is empty');
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new InputError('binary file, not a text statement');
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new InputError('not UTF-8 text (save the file as UTF-8)');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError('file is empty');
  return { path, text, lineStarts: lineStartsOf(text) };
}
