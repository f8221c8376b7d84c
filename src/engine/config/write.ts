import { stringify } from 'yaml';
import { DEFAULT_IGNORE_PATHS, DEFAULT_MAX_FILE_SIZE } from './defaults.js';
import type { CustomRuleSpec, KeywardConfig } from './types.js';

function customRuleYaml(spec: CustomRuleSpec): Record<string, unknown> {
  const out: Record<string, unknown> = { id: spec.id, title: spec.title, severity: spec.severity, keywords: spec.keywords, pattern: spec.pattern };
  if (spec.entropy !== undefined) out.entropy = spec.entropy;
  out['long-lived'] = spec.longLived;
  if (spec.remediation) out.remediation = spec.remediation;
  if (spec.revokeUrl) out['revoke-url'] = spec.revokeUrl;
  if (spec.paths?.length) out.paths = spec.paths;
  if (spec.allowlist) out.allowlist = spec.allowlist;
  return out;
}

/** Drops empty lists and mappings so the file says only what differs from the defaults. */
function pruned(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => !(Array.isArray(item) && item.length === 0) && !(item && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length === 0)));
}

/**
 * A `.keyward.yml` that parses back to `config` (loadConfig), with `comments` (one per line) at its head: the file an
 * import writes.
 */
export function configToYaml(config: KeywardConfig, comments: readonly string[] = []): string {
  const doc: Record<string, unknown> = { version: 1, 'fail-on': config.failOn, 'block-long-lived': config.blockLongLived };
  if (config.maxFileSize !== DEFAULT_MAX_FILE_SIZE) doc['max-file-size'] = config.maxFileSize;
  const extraIgnores = config.ignorePaths.filter((glob) => !DEFAULT_IGNORE_PATHS.includes(glob));
  if (extraIgnores.length) doc['ignore-paths'] = extraIgnores;
  const rules = pruned({ disable: config.rules.disable, severity: config.rules.severity, custom: config.rules.custom.map(customRuleYaml) });
  if (Object.keys(rules).length) doc.rules = rules;
  const allow = config.allowlist;
  const allowlist = pruned({ values: allow.values, stopwords: allow.stopwords, fingerprints: allow.fingerprints, paths: allow.paths ?? [], commits: allow.commits ?? [], locations: allow.locations ?? [] });
  if (Object.keys(allowlist).length) doc.allowlist = allowlist;
  // Comments quote ids and patterns from another tool's file: a line break there would turn the rest into settings.
  // eslint-disable-next-line no-control-regex
  const head = comments.map((line) => `# ${line.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?')}`.trimEnd()).join('\n');
  return (head ? `${head}\n` : '') + stringify(doc, { lineWidth: 0 });
}
