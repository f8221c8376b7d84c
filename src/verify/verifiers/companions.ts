/** Companion values are short; anything longer is not one. */
const MAX_VALUE_CHARS = 320;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The value assigned to one of `names` in the context (JSON, YAML, .env, HCL, shell), which must match `shape` in
 * full. When several qualify, the one nearest the secret wins, so a file holding two service principals pairs each
 * secret with its own ids. Names match case-insensitively (`tenant_id`, `tenantId`, `AZURE_TENANT_ID`). The context
 * is hostile: the pattern is a literal name followed by bounded classes, and the value is only ever checked against
 * `shape`, never used as a host.
 */
export function companionValue(context: string, names: readonly string[], shape: { test(value: string): boolean }, secret: string): string | undefined {
  const assignment = new RegExp(
    `(?:^|[^A-Za-z0-9_])["']?(?:${names.map(escapeRegExp).join('|')})["']?[ \\t]*[:=][ \\t]*["']?([^"'\\s,;}]{1,${MAX_VALUE_CHARS}})`,
    'gi',
  );
  const secretStart = Math.max(context.indexOf(secret), 0);
  const secretEnd = secretStart + secret.length;
  let best: { value: string; distance: number } | undefined;
  for (const match of context.matchAll(assignment)) {
    const value = match[1] ?? '';
    if (!shape.test(value)) continue;
    const start = match.index ?? 0;
    const distance = start >= secretEnd ? start - secretEnd : Math.max(secretStart - (start + match[0].length), 0);
    if (!best || distance < best.distance) best = { value, distance };
  }
  return best?.value;
}

/**
 * The distinct values of the first capture group of `pattern` in `context`, at most `limit`: companions such as an
 * account SID or a user name read from the file a secret was found in. Patterns must be simple (no nested
 * quantifiers) because the context is hostile text.
 */
export function companionsIn(context: string, pattern: RegExp, limit = 3): string[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const found = new Set<string>();
  for (const match of context.matchAll(new RegExp(pattern.source, flags))) {
    const value = match[1];
    if (value) found.add(value);
    if (found.size >= limit) break;
  }
  return [...found];
}

/**
 * The run's cache key for a credential whose verdict depends on companions read from its own file (an account SID, a
 * user name, a region the file names): the secret together with them, so the same secret next to other companions is
 * checked again. Undefined when there are none: the credential's fingerprint is then the key.
 */
export function keyWithCompanions(secret: string, companions: readonly string[]): string | undefined {
  return companions.length > 0 ? [secret, ...companions].join('\0') : undefined;
}
