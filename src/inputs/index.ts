// The input formats crisislint reads, and format detection from extension and content.

import { betterStackFormat, looksLikeBetterStack } from './betterstack.js';
import { cstateFormat } from './cstate.js';
import { incidentIoFormat, looksLikeIncidentIo } from './incident-io.js';
import { markdownFormat } from './markdown.js';
import { looksLikeFeed, statuspageFeedFormat } from './statuspage-feed.js';
import { looksLikeStatuspageJson, statuspageJsonFormat } from './statuspage-json.js';
import type { InputFormat } from './types.js';

/** A path's extension with its dot, as node:path's extname gives it (written here so the text API bundles for a browser). */
function extname(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

/** Specific formats first; Markdown (any text) last, as the fallback. */
export const INPUT_FORMATS: InputFormat[] = [incidentIoFormat, betterStackFormat, statuspageJsonFormat, statuspageFeedFormat, cstateFormat, markdownFormat];

export function formatByName(name: string): InputFormat | undefined {
  return INPUT_FORMATS.find((f) => f.name === name);
}

/** Extensions a directory walk picks up. */
export function lintableExtensions(): string[] {
  return [...new Set(INPUT_FORMATS.flatMap((f) => f.extensions))];
}

/**
 * Extensions other tools use too (package.json, pom.xml): a directory walk takes such a file only
 * when its first bytes are in crisislint's format. A file named on the command line is always read.
 */
const SHARED_EXTENSIONS: Record<string, (head: string) => boolean> = {
  '.json': (head) => looksLikeStatuspageJson(head) || looksLikeIncidentIo(head) || looksLikeBetterStack(head),
  '.xml': looksLikeFeed,
};

export function walkTakes(path: string, readHead: () => string): boolean {
  const test = SHARED_EXTENSIONS[extname(path).toLowerCase()];
  return !test || test(readHead());
}

export function detectFormat(text: string, path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  const owners = INPUT_FORMATS.filter((f) => f.extensions.includes(ext));
  return (owners.length ? owners : INPUT_FORMATS).find((f) => f.detect(text, path)) ?? markdownFormat;
}

export type { InputFormat };
