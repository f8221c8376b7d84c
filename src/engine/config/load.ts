import { join, relative } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { POLICY_FILE_MAX_BYTES, readRegularFile, type SafeRead } from '../../fs/safe-read.js';
import { builtinRules } from '../../rules/index.js';
import { SEVERITIES, type Severity } from '../../rules/types.js';
import { regexBackend } from '../regex.js';
import { defaultConfig } from './defaults.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { importGitleaks } from './gitleaks.js';
import type { AcceptedLocation, CustomRuleSpec, KeywardConfig } from './types.js';

export const CONFIG_FILE_NAMES = ['.keyward.yml', '.keyward.yaml', '.github/keyward.yml', '.github/keyward.yaml'] as const;

export { ConfigError, type ConfigProblem } from './errors.js';

/** A file under repoDir, read safely: no link followed at it or on the way, only a regular file, capped. */
function readUnder(repoDir: string, name: string): SafeRead {
  return readRegularFile(join(repoDir, name), { maxBytes: POLICY_FILE_MAX_BYTES, root: repoDir, shown: name });
}

/** A config file that exists but cannot be read (a link, a FIFO, too large) is an error, never skipped. */
function configText(read: SafeRead, shown: string): string {
  if (read.ok) return read.text;
  throw new ConfigError([{ file: shown, line: 1, column: 1, field: '(file)', message: read.message }]);
}

/** The first of CONFIG_FILE_NAMES present under repoDir, read; undefined when there is none. */
function findConfig(repoDir: string): { name: string; text: string } | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const read = readUnder(repoDir, name);
    if (!read.ok && read.reason === 'missing') continue;
    return { name, text: configText(read, name) };
  }
  return undefined;
}

/** The path of the first of CONFIG_FILE_NAMES present under repoDir (as a link or any other entry, too). */
export function findConfigFile(repoDir: string): string | undefined {
  const name = CONFIG_FILE_NAMES.find((candidate) => {
    const read = readUnder(repoDir, candidate);
    return read.ok || read.reason !== 'missing';
  });
  return name === undefined ? undefined : join(repoDir, name);
}

/**
 * Reads `path` (or the first of CONFIG_FILE_NAMES under repoDir) over the defaults, through the safe reader. Without
 * one, a gitleaks config (`.gitleaks.toml`, `.gitleaksignore`) is mapped onto Keyward's, with `notices` naming what
 * could not be; with neither, the defaults.
 */
export function loadConfig(options: { repoDir: string; path?: string }): KeywardConfig {
  if (options.path === undefined) {
    const found = findConfig(options.repoDir);
    if (found) return parseConfig(found.text, found.name);
    return importGitleaks((name) => {
      const read = readUnder(options.repoDir, name);
      return read.ok ? read.text : undefined;
    })?.config ?? defaultConfig();
  }
  const path = options.path;
  const shown = relative(options.repoDir, path).startsWith('..') ? path : relative(options.repoDir, path) || path;
  return parseConfig(configText(readRegularFile(path, { maxBytes: POLICY_FILE_MAX_BYTES, root: options.repoDir, shown }), shown), shown);
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

export function parseConfig(text: string, file: string): KeywardConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: ConfigProblem[] = [];
  const at = (node: Node | null | undefined, field: string, message: string) => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    problems.push({ file, line: pos.line, column: pos.col, field, message });
  };
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    problems.push({ file, line: pos.line, column: pos.col, field: '(yaml)', message: error.message.split('\n')[0] ?? 'invalid YAML' });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const config = defaultConfig();
  config.source = file;
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return config;
  if (!isMap(root)) {
    at(root, '(root)', 'expected a mapping of settings');
    throw new ConfigError(problems);
  }

  const known = (map: YAMLMap, prefix: string, allowed: readonly string[]) => {
    for (const pair of map.items as Pair<Node, Node>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) {
        const hint = allowed.find((name) => name.replace(/-/g, '') === key.replace(/[-_]/g, '').toLowerCase());
        at(pair.key, prefix ? `${prefix}.${key}` : key, `unknown setting${hint ? ` (did you mean \`${hint}\`?)` : `; expected one of: ${allowed.join(', ')}`}`);
      }
    }
  };
  const get = (map: YAMLMap, key: string): Node | undefined => {
    const pair = (map.items as Pair<Node, Node>[]).find((item) => isScalar(item.key) && item.key.value === key);
    return pair?.value ?? undefined;
  };
  const severity = (node: Node | undefined, field: string): Severity | undefined => {
    if (!node) return undefined;
    const value = isScalar(node) ? String(node.value).toLowerCase() : '';
    if ((SEVERITIES as readonly string[]).includes(value)) return value as Severity;
    at(node, field, `expected one of ${SEVERITIES.join(', ')}`);
    return undefined;
  };
  const bool = (node: Node | undefined, field: string): boolean | undefined => {
    if (!node) return undefined;
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    at(node, field, 'expected true or false');
    return undefined;
  };
  /** `requiredIn`: the mapping that must hold the field, where a missing-field problem is reported. */
  const string = (node: Node | undefined, field: string, requiredIn?: Node): string | undefined => {
    if (!node) {
      if (requiredIn) at(requiredIn, field, 'is required');
      return undefined;
    }
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && String(node.value).length > 0) return String(node.value);
    at(node, field, 'expected a non-empty string');
    return undefined;
  };
  const strings = (node: Node | undefined, field: string): string[] => {
    if (!node) return [];
    if (!isSeq(node)) {
      at(node, field, 'expected a list of strings');
      return [];
    }
    const out: string[] = [];
    node.items.forEach((item, index) => {
      const value = string(item as Node, `${field}[${index}]`);
      if (value !== undefined) out.push(value);
    });
    return out;
  };
  const re2 = (node: Node | undefined, field: string, pattern: string | undefined) => {
    if (pattern === undefined) return;
    try {
      regexBackend().compile(pattern);
    } catch (error) {
      at(node, field, `not a valid RE2 pattern: ${(error as Error).message.split('\n')[0]}`);
    }
  };

  /** A list of RE2 patterns, each compiled to check it. */
  const patterns = (node: Node | undefined, field: string): string[] =>
    strings(node, field).filter((pattern, index) => {
      const before = problems.length;
      re2(isSeq(node) ? (node.items[index] as Node) : node, `${field}[${index}]`, pattern);
      return problems.length === before;
    });
  /** `allowlist.locations`: findings accepted by file and line (optionally rule and commit), as `.gitleaksignore` has. */
  const locations = (node: Node | undefined): AcceptedLocation[] => {
    if (!node) return [];
    if (!isSeq(node)) {
      at(node, 'allowlist.locations', 'expected a list of { path, line, rule, commit }');
      return [];
    }
    const out: AcceptedLocation[] = [];
    node.items.forEach((item, index) => {
      const field = `allowlist.locations[${index}]`;
      if (!isMap(item)) return at(item as Node, field, 'expected a mapping with path, line and optionally rule and commit');
      known(item, field, ['path', 'line', 'rule', 'commit']);
      const path = string(get(item, 'path'), `${field}.path`, item);
      const lineNode = get(item, 'line');
      const line = lineNode && isScalar(lineNode) ? Number(lineNode.value) : NaN;
      if (!Number.isInteger(line) || line < 1) return at(lineNode ?? item, `${field}.line`, 'expected a line number (1 or more)');
      const rule = string(get(item, 'rule'), `${field}.rule`);
      const commit = string(get(item, 'commit'), `${field}.commit`);
      if (commit && !/^[0-9a-f]{7,40}$/i.test(commit)) return at(get(item, 'commit'), `${field}.commit`, 'expected a commit sha (7 to 40 hex digits)');
      if (path) out.push({ path, line, ...(rule ? { rule } : {}), ...(commit ? { commit } : {}) });
    });
    return out;
  };

  known(root, '', ['version', 'fail-on', 'block-long-lived', 'unscanned', 'verify', 'max-file-size', 'ignore-paths', 'rules', 'allowlist']);
  const version = get(root, 'version');
  if (version && !(isScalar(version) && Number(version.value) === 1)) at(version, 'version', 'only version 1 is supported');
  config.failOn = severity(get(root, 'fail-on'), 'fail-on') ?? config.failOn;
  config.blockLongLived = bool(get(root, 'block-long-lived'), 'block-long-lived') ?? config.blockLongLived;
  const unscanned = get(root, 'unscanned');
  if (unscanned) {
    const value = isScalar(unscanned) ? String(unscanned.value).toLowerCase() : '';
    if (value === 'fail' || value === 'warn') config.unscanned = value;
    else at(unscanned, 'unscanned', 'expected fail or warn');
  }
  const verify = get(root, 'verify');
  if (verify) {
    if (!isMap(verify)) at(verify, 'verify', 'expected a mapping with forks');
    else {
      known(verify, 'verify', ['forks']);
      const forks = bool(get(verify, 'forks'), 'verify.forks');
      if (forks !== undefined) config.verify = { forks };
    }
  }
  const maxSize = get(root, 'max-file-size');
  if (maxSize) {
    const raw = isScalar(maxSize) ? String(maxSize.value).trim().toLowerCase() : '';
    const match = /^(\d+(?:\.\d+)?)\s*([kmg]?b?|k|m|g)?$/.exec(raw);
    if (match) config.maxFileSize = Math.round(Number(match[1]) * (SIZE_UNITS[match[2] || 'b'] ?? 1));
    else at(maxSize, 'max-file-size', 'expected a size such as 10MB, 512KB or a number of bytes');
  }
  config.ignorePaths.push(...strings(get(root, 'ignore-paths'), 'ignore-paths'));

  const builtinIds = new Set(builtinRules.map((rule) => rule.id));
  const rules = get(root, 'rules');
  if (rules) {
    if (!isMap(rules)) at(rules, 'rules', 'expected a mapping with disable, severity, custom');
    else {
      known(rules, 'rules', ['disable', 'severity', 'custom']);
      const customIds = new Set<string>();
      const custom = get(rules, 'custom');
      if (custom && !isSeq(custom)) at(custom, 'rules.custom', 'expected a list of rules');
      if (custom && isSeq(custom)) {
        custom.items.forEach((item, index) => {
          const field = `rules.custom[${index}]`;
          if (!isMap(item)) {
            at(item as Node, field, 'expected a rule mapping (id, title, severity, keywords, pattern, long-lived)');
            return;
          }
          known(item, field, ['id', 'title', 'severity', 'keywords', 'pattern', 'entropy', 'long-lived', 'remediation', 'revoke-url', 'paths', 'allowlist']);
          const before = problems.length;
          const id = string(get(item, 'id'), `${field}.id`, item);
          if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id)) at(get(item, 'id'), `${field}.id`, 'use lowercase letters, digits and dashes');
          if (id && builtinIds.has(id)) at(get(item, 'id'), `${field}.id`, `\`${id}\` is a built-in rule id; pick another`);
          if (id && customIds.has(id)) at(get(item, 'id'), `${field}.id`, `duplicate rule id \`${id}\``);
          if (id) customIds.add(id);
          const title = string(get(item, 'title'), `${field}.title`) ?? id ?? '';
          const sev = severity(get(item, 'severity'), `${field}.severity`) ?? 'high';
          const keywords = strings(get(item, 'keywords'), `${field}.keywords`);
          if (keywords.length === 0) at(get(item, 'keywords') ?? item, `${field}.keywords`, 'at least one keyword is required (a literal that occurs in every match)');
          const pattern = string(get(item, 'pattern'), `${field}.pattern`, item);
          re2(get(item, 'pattern'), `${field}.pattern`, pattern);
          const entropyNode = get(item, 'entropy');
          const entropy = entropyNode && isScalar(entropyNode) ? Number(entropyNode.value) : undefined;
          if (entropyNode && (entropy === undefined || !Number.isFinite(entropy) || entropy < 0 || entropy > 8)) at(entropyNode, `${field}.entropy`, 'expected a number of bits per character between 0 and 8');
          const longLived = bool(get(item, 'long-lived'), `${field}.long-lived`) ?? true;
          if (problems.length === before && id && pattern) {
            const spec: CustomRuleSpec = { id, title, severity: sev, keywords, pattern, longLived };
            if (entropy !== undefined) spec.entropy = entropy;
            const remediation = string(get(item, 'remediation'), `${field}.remediation`);
            if (remediation) spec.remediation = remediation;
            const revokeUrl = string(get(item, 'revoke-url'), `${field}.revoke-url`);
            if (revokeUrl) spec.revokeUrl = revokeUrl;
            const paths = patterns(get(item, 'paths'), `${field}.paths`);
            if (paths.length > 0) spec.paths = paths;
            const ruleAllow = get(item, 'allowlist');
            if (ruleAllow && !isMap(ruleAllow)) at(ruleAllow, `${field}.allowlist`, 'expected a mapping with paths, values, stopwords');
            if (ruleAllow && isMap(ruleAllow)) {
              known(ruleAllow, `${field}.allowlist`, ['paths', 'values', 'stopwords']);
              spec.allowlist = { paths: patterns(get(ruleAllow, 'paths'), `${field}.allowlist.paths`), values: patterns(get(ruleAllow, 'values'), `${field}.allowlist.values`), stopwords: strings(get(ruleAllow, 'stopwords'), `${field}.allowlist.stopwords`) };
            }
            config.rules.custom.push(spec);
          }
        });
      }
      const allIds = new Set([...builtinIds, ...customIds]);
      const disable = get(rules, 'disable');
      strings(disable, 'rules.disable').forEach((id, index) => {
        if (!allIds.has(id)) at(isSeq(disable) ? (disable.items[index] as Node) : disable, `rules.disable[${index}]`, `no rule has id \`${id}\``);
        else config.rules.disable.push(id);
      });
      const overrides = get(rules, 'severity');
      if (overrides && !isMap(overrides)) at(overrides, 'rules.severity', 'expected a mapping of rule id to severity');
      if (overrides && isMap(overrides)) {
        for (const pair of overrides.items as Pair<Node, Node>[]) {
          const id = isScalar(pair.key) ? String(pair.key.value) : '';
          const value = severity(pair.value ?? undefined, `rules.severity.${id}`);
          if (!allIds.has(id)) at(pair.key, `rules.severity.${id}`, `no rule has id \`${id}\``);
          else if (value) config.rules.severity[id] = value;
        }
      }
    }
  }

  const allowlist = get(root, 'allowlist');
  if (allowlist) {
    if (!isMap(allowlist)) at(allowlist, 'allowlist', 'expected a mapping with values, stopwords, fingerprints');
    else {
      known(allowlist, 'allowlist', ['values', 'stopwords', 'fingerprints', 'paths', 'commits', 'locations', 'inline-in-pull-requests']);
      if (bool(get(allowlist, 'inline-in-pull-requests'), 'allowlist.inline-in-pull-requests')) config.allowlist.inlineInPullRequests = true;
      config.allowlist.values.push(...patterns(get(allowlist, 'values'), 'allowlist.values'));
      config.allowlist.paths = patterns(get(allowlist, 'paths'), 'allowlist.paths');
      const commits = get(allowlist, 'commits');
      config.allowlist.commits = strings(commits, 'allowlist.commits').filter((sha, index) => {
        if (/^[0-9a-f]{7,40}$/i.test(sha)) return true;
        at(isSeq(commits) ? (commits.items[index] as Node) : commits, `allowlist.commits[${index}]`, 'expected a commit sha (7 to 40 hex digits)');
        return false;
      });
      config.allowlist.locations = locations(get(allowlist, 'locations'));
      config.allowlist.stopwords.push(...strings(get(allowlist, 'stopwords'), 'allowlist.stopwords'));
      const prints = get(allowlist, 'fingerprints');
      strings(prints, 'allowlist.fingerprints').forEach((print, index) => {
        if (!/^[0-9a-f]{64}$/.test(print)) at(isSeq(prints) ? (prints.items[index] as Node) : prints, `allowlist.fingerprints[${index}]`, 'expected a 64-character hex fingerprint as reported by keyward');
        else config.allowlist.fingerprints.push(print);
      });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
