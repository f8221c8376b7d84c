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
