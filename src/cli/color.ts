/**
 * Whether to colour output written to `stream`: an explicit --color/--no-color wins, then FORCE_COLOR (`0` or
 * `false` turn it off, anything else on, as Node and supports-color read it), then NO_COLOR (any non-empty value,
 * no-color.org), then whether the stream is a terminal that is not `dumb`.
 */
export function colorWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}
