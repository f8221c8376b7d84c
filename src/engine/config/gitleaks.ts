import { posix } from 'node:path';
import { TomlError, parse as parseToml } from 'smol-toml';
import { builtinRules } from '../../rules/index.js';
import { regexBackend } from '../regex.js';
import { defaultConfig } from './defaults.js';
import { GITLEAKS_RULE_EQUIVALENTS, keepOnlyGroup, keywardRuleId } from './gitleaks-rules.js';
import { ConfigError } from './errors.js';
import type { AcceptedLocation, CustomRuleSpec, KeywardConfig, RuleAllowlist } from './types.js';

export const GITLEAKS_CONFIG = '.gitleaks.toml';
export const GITLEAKS_IGNORE = '.gitleaksignore';

/** Reads a file by its path relative to the repository root; undefined when there is none. */
export type FileReader = (path: string) => string | undefined;

type Table = Record<string, unknown>;

/** gitleaks follows `[extend] path` two levels deep. */
const MAX_EXTEND_DEPTH = 2;

class Importer {
  readonly config = defaultConfig();
  readonly notices: string[] = [];
  readonly files: string[] = [];
  private readonly builtinIds = new Set(builtinRules.map((rule) => rule.id));
  /** gitleaks rule id -> the Keyward id it was imported as. */
  readonly imported = new Map<string, string>();
  private extendsDefaults = false;

  constructor(private readonly read: FileReader) {}

  note(file: string, field: string, message: string): void {
    this.notices.push(`${file}: ${field}: ${message}`);
  }

  loadToml(file: string, depth: number): void {
    const text = this.read(file);
    if (text === undefined) {
      if (depth > 0) this.note(file, '[extend] path', 'file not found; nothing imported from it');
      return;
    }
    this.files.push(file);
    let doc: Table;
    try {
      doc = parseToml(text) as Table;
    } catch (error) {
      const line = error instanceof TomlError ? error.line : 1;
      const column = error instanceof TomlError ? error.column : 1;
      throw new ConfigError([{ file, line, column, field: '(toml)', message: (error as Error).message.split('\n')[0] ?? 'invalid TOML' }]);
    }
    this.unknownKeys(file, '', doc, ['title', 'description', 'minVersion', 'extend', 'rules', 'allowlist', 'allowlists']);
    this.applyExtend(file, doc.extend, depth);
    this.list(file, 'rules', doc.rules).forEach((rule, index) => this.applyRule(file, `rules[${index}]`, rule));
    if (doc.allowlist !== undefined) this.applyAllowlist(file, 'allowlist', this.table(file, 'allowlist', doc.allowlist));
    this.list(file, 'allowlists', doc.allowlists).forEach((entry, index) => this.applyAllowlist(file, `allowlists[${index}]`, entry));
  }

  finish(): void {
    if (this.files.some((file) => file.endsWith('.toml')) && !this.extendsDefaults) {
      this.notices.push(`${this.files[0]}: [extend] useDefault is not set, so gitleaks would run only this file's rules; Keyward keeps its ${this.builtinIds.size} built-in rules on as well (list ids under rules.disable to turn some off)`);
    }
  }

  private applyExtend(file: string, raw: unknown, depth: number): void {
    if (raw === undefined) return;
    const extend = this.table(file, 'extend', raw);
    this.unknownKeys(file, 'extend', extend, ['useDefault', 'path', 'url', 'disabledRules']);
    if (extend.useDefault === true) this.extendsDefaults = true;
    if (extend.url !== undefined) this.note(file, 'extend.url', 'remote configs are not fetched; not imported');
    if (typeof extend.path === 'string') {
      const target = posix.normalize(posix.join(posix.dirname(file), extend.path));
      if (depth + 1 > MAX_EXTEND_DEPTH || target.startsWith('../') || posix.isAbsolute(target)) this.note(file, 'extend.path', `${extend.path}: outside the repository or nested deeper than ${MAX_EXTEND_DEPTH}; not imported`);
      else this.loadToml(target, depth + 1);
    }
    for (const id of this.strings(file, 'extend.disabledRules', extend.disabledRules)) {
      const keyward = this.equivalent(id);
      if (keyward) this.config.rules.disable.push(keyward);
      else this.note(file, 'extend.disabledRules', `\`${id}\` has no Keyward equivalent; nothing disabled for it`);
    }
  }

  private applyRule(file: string, field: string, rule: Table): void {
    this.unknownKeys(file, field, rule, ['id', 'description', 'regex', 'secretGroup', 'entropy', 'path', 'keywords', 'tags', 'allowlist', 'allowlists']);
    const gitleaksId = typeof rule.id === 'string' ? rule.id : undefined;
    const label = gitleaksId ? `rule \`${gitleaksId}\`` : field;
    if (!gitleaksId) return this.note(file, field, 'a rule without an id; not imported');
    if (typeof rule.regex !== 'string' && rule.path === undefined) return this.note(file, field, `${label} has no regex: amending gitleaks' default rule of that id (its allowlists, entropy, keywords) has no Keyward counterpart; not imported`);
    if (typeof rule.regex !== 'string') return this.note(file, field, `${label} matches by path only (no regex); Keyward rules match content; not imported`);
    const keywords = this.strings(file, `${field}.keywords`, rule.keywords);
    if (keywords.length === 0) return this.note(file, field, `${label} has no keywords; Keyward needs a literal that occurs in every match to run a rule; not imported (add keywords and import again)`);
    let pattern: string | undefined = rule.regex;
    if (typeof rule.secretGroup === 'number' && rule.secretGroup > 0) {
      pattern = keepOnlyGroup(rule.regex, rule.secretGroup);
      if (!pattern) return this.note(file, `${field}.secretGroup`, `${label}: the regex has no group ${rule.secretGroup}; not imported`);
    }
    if (!this.compiles(file, `${field}.regex`, pattern, label)) return;
    let id = keywardRuleId(gitleaksId);
    if (this.builtinIds.has(id) || [...this.imported.values()].includes(id)) {
      this.note(file, `${field}.id`, `\`${gitleaksId}\` is also a built-in Keyward rule id; imported as \`gitleaks-${id}\``);
      id = `gitleaks-${id}`;
    }
    const spec: CustomRuleSpec = { id, title: typeof rule.description === 'string' && rule.description ? rule.description : gitleaksId, severity: 'high', keywords, pattern, longLived: true };
    if (typeof rule.entropy === 'number') spec.entropy = Math.min(8, Math.max(0, rule.entropy));
    if (typeof rule.path === 'string' && this.compiles(file, `${field}.path`, rule.path, label)) spec.paths = [rule.path];
    if (rule.tags !== undefined) this.note(file, `${field}.tags`, `${label}: tags are labels only; not kept`);
    const allowlists = [...(rule.allowlist !== undefined ? [this.table(file, `${field}.allowlist`, rule.allowlist)] : []), ...this.list(file, `${field}.allowlists`, rule.allowlists)];
    allowlists.forEach((entry, index) => this.applyRuleAllowlist(file, `${field}.allowlists[${index}]`, entry, spec));
    this.imported.set(gitleaksId, id);
    this.config.rules.custom.push(spec);
  }

  private applyRuleAllowlist(file: string, field: string, entry: Table, spec: CustomRuleSpec): void {
    const parts = this.allowlistParts(file, field, entry);
    if (!parts) return;
    if (parts.commits.length > 0) this.note(file, `${field}.commits`, `rule \`${spec.id}\`: per-rule commit exceptions are not supported; not imported (${parts.commits.length} commit(s))`);
    const target: RuleAllowlist = (spec.allowlist ??= { paths: [], values: [], stopwords: [] });
    target.paths.push(...parts.paths);
    target.values.push(...parts.values);
    target.stopwords.push(...parts.stopwords);
  }

  private applyAllowlist(file: string, field: string, entry: Table): void {
    const targets = this.strings(file, `${field}.targetRules`, entry.targetRules);
    if (targets.length > 0) {
      for (const id of targets) {
        const spec = this.config.rules.custom.find((rule) => rule.id === this.imported.get(id));
        if (spec) this.applyRuleAllowlist(file, field, entry, spec);
        else this.note(file, `${field}.targetRules`, `\`${id}\` is not a rule defined in this config; Keyward cannot scope an allowlist to a built-in rule; not imported for it`);
      }
      return;
    }
    const parts = this.allowlistParts(file, field, entry);
    if (!parts) return;
    const allow = this.config.allowlist;
    allow.paths = [...(allow.paths ?? []), ...parts.paths];
    allow.commits = [...(allow.commits ?? []), ...parts.commits];
    allow.values.push(...parts.values);
    allow.stopwords.push(...parts.stopwords);
  }

  /** The criteria of one allowlist, each checked; undefined when the allowlist as a whole cannot be mapped. */
  private allowlistParts(file: string, field: string, entry: Table): { paths: string[]; values: string[]; stopwords: string[]; commits: string[] } | undefined {
    this.unknownKeys(file, field, entry, ['description', 'condition', 'commits', 'paths', 'regexTarget', 'regexes', 'stopwords', 'targetRules']);
    const commits = this.strings(file, `${field}.commits`, entry.commits);
    const paths = this.strings(file, `${field}.paths`, entry.paths).filter((p) => this.compiles(file, `${field}.paths`, p, 'path pattern'));
    let values = this.strings(file, `${field}.regexes`, entry.regexes).filter((p) => this.compiles(file, `${field}.regexes`, p, 'regex'));
    const stopwords = this.strings(file, `${field}.stopwords`, entry.stopwords);
    const target = entry.regexTarget ?? 'secret';
    if (values.length > 0 && target !== 'secret') {
      this.note(file, `${field}.regexTarget`, `regexes against the ${String(target)} (not the secret) are not supported; ${values.length} regex(es) not imported`);
      values = [];
    }
    const criteria = [commits, paths, values, stopwords].filter((list) => list.length > 0).length;
    if (String(entry.condition ?? 'OR').toUpperCase() === 'AND' && criteria > 1) {
      this.note(file, `${field}.condition`, 'AND across commits, paths, regexes and stopwords is not supported (applying them one by one would allow more than gitleaks does); this allowlist is not imported');
      return undefined;
    }
    return { paths, values, stopwords, commits };
  }

  /** The Keyward rule a gitleaks rule id stands for: an imported custom rule, an equivalent built-in, or the same id. */
  equivalent(gitleaksId: string): string | undefined {
    return this.imported.get(gitleaksId) ?? GITLEAKS_RULE_EQUIVALENTS[gitleaksId] ?? (this.builtinIds.has(gitleaksId) ? gitleaksId : undefined);
  }

  private compiles(file: string, field: string, pattern: string, label: string): boolean {
    try {
      regexBackend().compile(pattern);
      return true;
    } catch (error) {
      this.note(file, field, `${label}: not valid RE2 syntax (${(error as Error).message.split('\n')[0]}); not imported`);
      return false;
    }
  }

  private unknownKeys(file: string, prefix: string, table: Table, known: readonly string[]): void {
    for (const key of Object.keys(table)) {
      if (!known.includes(key)) this.note(file, prefix ? `${prefix}.${key}` : key, 'not a setting Keyward knows how to map; not imported');
    }
  }

  private table(file: string, field: string, raw: unknown): Table {
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw as Table;
    this.note(file, field, 'expected a table; not imported');
    return {};
  }

  private list(file: string, field: string, raw: unknown): Table[] {
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) return [this.table(file, field, raw)];
    return raw.map((item, index) => this.table(file, `${field}[${index}]`, item));
  }

  private strings(file: string, field: string, raw: unknown): string[] {
    if (raw === undefined) return [];
    const items = Array.isArray(raw) ? raw : [raw];
    const out = items.filter((item): item is string => typeof item === 'string' && item.length > 0);
    if (out.length !== items.length) this.note(file, field, `${items.length - out.length} value(s) are not strings; not imported`);
    return out;
  }
}

/** `.gitleaksignore`: one gitleaks fingerprint a line, `commit:file:rule:line` or `file:rule:line`; `#` comments. */
function applyIgnoreFile(importer: Importer, text: string): void {
  const locations: AcceptedLocation[] = [];
  const anyRule = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const entry = raw.replace(/#.*/, '').trim();
    if (!entry) return;
    const parts = entry.split(':');
    const line = Number(parts.pop());
    const rule = parts.pop();
    const commit = parts.length >= 2 && /^[0-9a-f]{7,40}$/i.test(parts[0]!) ? parts.shift() : undefined;
    const path = parts.join(':');
    if (!rule || !path || !Number.isInteger(line) || line < 1) {
      importer.note(GITLEAKS_IGNORE, `line ${index + 1}`, 'not a gitleaks fingerprint (commit:file:rule:line or file:rule:line); not imported');
      return;
    }
    const location: AcceptedLocation = { path, line };
    const keyward = importer.equivalent(rule);
    if (keyward) location.rule = keyward;
    else anyRule.set(rule, (anyRule.get(rule) ?? 0) + 1);
    if (commit) location.commit = commit;
    locations.push(location);
  });
  for (const [rule, count] of anyRule) {
    importer.note(GITLEAKS_IGNORE, `rule ${rule}`, `no Keyward rule is the same as gitleaks' \`${rule}\`; its ${count} entr${count === 1 ? 'y accepts' : 'ies accept'} any rule's finding at that file and line`);
  }
  importer.config.allowlist.locations = [...(importer.config.allowlist.locations ?? []), ...locations];
}

export interface GitleaksImport {
  config: KeywardConfig;
  /** Each setting that could not be mapped, named, with why. */
  notices: string[];
  /** The gitleaks files read. */
  files: string[];
}

/**
 * Maps `.gitleaks.toml` (with `[extend] path`) and `.gitleaksignore` onto Keyward's config; undefined when the
 * repository has neither. Patterns are compiled with Keyward's RE2 backend: the ones that fail are named in the notices.
 */
export function importGitleaks(read: FileReader): GitleaksImport | undefined {
  const importer = new Importer(read);
  importer.loadToml(GITLEAKS_CONFIG, 0);
  const ignore = read(GITLEAKS_IGNORE);
  if (ignore !== undefined) {
    importer.files.push(GITLEAKS_IGNORE);
    applyIgnoreFile(importer, ignore);
  }
  if (importer.files.length === 0) return undefined;
  importer.finish();
  const config = importer.config;
  config.source = importer.files.join(' + ');
  config.notices = importer.notices;
  return { config, notices: importer.notices, files: importer.files };
}
