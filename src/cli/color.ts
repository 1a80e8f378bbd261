// Colour only on a terminal, unless NO_COLOR (any non-empty value) or FORCE_COLOR says otherwise
// (https://no-color.org, https://force-color.org).

export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return !!stream.isTTY && env.TERM !== 'dumb';
}
