import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { parseDate, parseMaxAge } from '../duration.js';
import { keyOf, pairsOf, scalarText, seqItems, YamlSource } from '../yaml-nodes.js';
import { readRepoFile, textOrMissing } from '../../sources/safe-fs.js';
import {
  DEFAULTS_FIELDS,
  ENTRY_FIELDS,
  IDENTITY_KINDS,
  INVENTORY_FILES,
  TOP_LEVEL_FIELDS,
  type IdentityKind,
  type Inventory,
  type InventoryEntry,
  type InventoryProblem,
} from './schema.js';

const OWNER = /^(@[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/;
const FINGERPRINT = /^[0-9a-f]{64}$/;

/** The closest known field, for "did you mean" on typos such as `max_age` or `owners`. */
function suggestion(field: string, known: readonly string[]): string {
  const normal = (s: string) => s.toLowerCase().replace(/[_\s]/g, '-').replace(/s$/, '');
  const hit = known.find((k) => normal(k) === normal(field));
  return hit ? ` (did you mean "${hit}"?)` : '';
}

export function isUnassignedOwner(owner: string | undefined): boolean {
  return !owner || /^todo\b/i.test(owner.trim());
}

/**
 * Parses and validates `.github/nhi.yml`. Never throws on content: every problem names the file, line and field, and
 * entries with problems are still returned (as far as they could be read) so nothing is lost.
 */
export function parseInventory(text: string, file = '.github/nhi.yml'): Inventory {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  const source = new YamlSource(text, lineCounter);
  const inventory: Inventory = { file, text, version: 1, entries: [], problems: [] };
  const problem = (line: number, field: string, message: string, severity: InventoryProblem['severity'] = 'error') =>
    inventory.problems.push({ file, line, field, message, severity });

  if (document.errors.length > 0) {
    for (const error of document.errors) problem(error.linePos?.[0]?.line ?? source.lineAt(error.pos[0]), '(document)', `invalid YAML: ${error.message.split('\n')[0] ?? error.code}`);
    return inventory;
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    problem(1, 'identities', 'the file is empty; expected `version: 1` and an `identities:` list');
    return inventory;
  }
  if (!isMap(root)) {
    problem(source.lineOf(root), '(document)', 'expected a mapping with `version` and `identities`');
    return inventory;
  }
  let identitiesNode: unknown;
  for (const pair of pairsOf(root)) {
    const key = keyOf(pair);
    const line = source.lineOf(pair.key);
    if (key === 'version') {
      const version = isScalar(pair.value) ? pair.value.value : undefined;
      if (version !== 1 && version !== '1') problem(line, 'version', `unsupported version ${JSON.stringify(version ?? null)}; this Keyward reads version 1`);
    } else if (key === 'defaults') {
      for (const item of pairsOf(pair.value)) {
        const field = keyOf(item);
        const itemLine = source.lineOf(item.key);
        if (field !== 'max-age') {
          problem(itemLine, `defaults.${field}`, `unknown field; expected one of ${DEFAULTS_FIELDS.join(', ')}${suggestion(field, DEFAULTS_FIELDS)}`);
          continue;
        }
        const raw = isScalar(item.value) ? item.value.value : undefined;
        const days = typeof raw === 'number' || typeof raw === 'string' ? parseMaxAge(raw) : undefined;
        if (days === undefined) problem(itemLine, 'defaults.max-age', `expected a duration such as 90d, 12w or 1y, got ${JSON.stringify(raw ?? null)}`);
        else inventory.defaultMaxAgeDays = days;
      }
      if (!isMap(pair.value)) problem(line, 'defaults', 'expected a mapping, e.g. `defaults: { max-age: 90d }`');
    } else if (key === 'identities') {
      identitiesNode = pair.value;
      if (!isSeq(pair.value) && !(isScalar(pair.value) && pair.value.value === null)) problem(line, 'identities', 'expected a list of identities (each item starting with `- name:`)');
    } else {
      problem(line, key, `unknown top-level field; expected one of ${TOP_LEVEL_FIELDS.join(', ')}${suggestion(key, TOP_LEVEL_FIELDS)}`);
    }
  }
  if (identitiesNode === undefined) problem(1, 'identities', 'missing: list the repository\'s non-human identities under `identities:` (keyward inventory init drafts it)');

  const seen = new Map<string, number>();
  seqItems(identitiesNode).forEach((item, index) => {
    const at = `identities[${index}]`;
    const itemLine = source.lineOf(item);
    if (!isMap(item)) {
      problem(itemLine, at, 'expected a mapping with name, kind, owner, ...');
      return;
    }
    const values = new Map<string, { value: unknown; line: number; node: unknown }>();
    for (const pair of pairsOf(item)) {
      const key = keyOf(pair);
      const line = source.lineOf(pair.key);
      if (!(ENTRY_FIELDS as readonly string[]).includes(key)) {
        problem(line, `${at}.${key}`, `unknown field; expected one of ${ENTRY_FIELDS.join(', ')}${suggestion(key, ENTRY_FIELDS)}`);
        continue;
      }
      values.set(key, { value: isScalar(pair.value) ? pair.value.value : pair.value, line: source.lineOf(pair.value ?? pair.key), node: pair.value });
    }
    const text = (field: string, required = false): string | undefined => {
      const entry = values.get(field);
      if (!entry || entry.value === null || entry.value === undefined || entry.value === '') {
        if (required) problem(entry?.line ?? itemLine, `${at}.${field}`, 'required');
        return undefined;
      }
      if (typeof entry.value === 'string') return entry.value;
      if (typeof entry.value === 'number' || typeof entry.value === 'boolean') return String(entry.value);
      problem(entry.line, `${at}.${field}`, 'expected a single value, not a list or mapping');
      return undefined;
    };
    const lineOfField = (field: string) => values.get(field)?.line ?? itemLine;
    const list = (field: string, check: (s: string) => boolean, what: string): string[] => {
      const entry = values.get(field);
      if (!entry) return [];
      if (!isSeq(entry.node)) {
        problem(entry.line, `${at}.${field}`, `expected a list of ${what}`);
        return [];
      }
      const out: string[] = [];
      for (const element of seqItems(entry.node)) {
        const value = scalarText(element);
        if (value === undefined || !check(value)) problem(source.lineOf(element), `${at}.${field}`, `expected ${what}, got ${JSON.stringify(value ?? null)}`);
        else out.push(value);
      }
      return out;
    };

    const name = text('name', true);
    const kindText = text('kind', true);
    let kind: IdentityKind | undefined;
    if (kindText !== undefined) {
      if ((IDENTITY_KINDS as readonly string[]).includes(kindText)) kind = kindText as IdentityKind;
      else problem(lineOfField('kind'), `${at}.kind`, `"${kindText}" is not a kind; expected one of ${IDENTITY_KINDS.join(', ')}`);
    }
    const ownerText = text('owner');
    let owner: string | undefined;
    if (ownerText === undefined) problem(lineOfField('owner'), `${at}.owner`, 'required: a team (@org/team) or user (@user) handle who answers for this identity');
    else if (isUnassignedOwner(ownerText)) problem(lineOfField('owner'), `${at}.owner`, 'not assigned yet (TODO): name a team (@org/team) or user (@user)', 'warning');
    else if (!OWNER.test(ownerText)) problem(lineOfField('owner'), `${at}.owner`, `"${ownerText}" is not a handle; expected @user, @org/team or an e-mail address`);
    else owner = ownerText;
    const purpose = text('purpose');
    if (purpose === undefined) problem(itemLine, `${at}.purpose`, 'missing: say what this identity is for', 'warning');

    const dateField = (field: 'created' | 'expires'): string | undefined => {
      const value = text(field);
      if (value === undefined) return undefined;
      if (!parseDate(value)) {
        problem(lineOfField(field), `${at}.${field}`, `"${value}" is not a date; expected YYYY-MM-DD or an ISO 8601 timestamp`);
        return undefined;
      }
      return value;
    };
    const created = dateField('created');
    const expires = dateField('expires');
    let maxAgeDays: number | undefined;
    const maxAgeRaw = values.get('max-age')?.value;
    if (maxAgeRaw !== undefined && maxAgeRaw !== null) {
      maxAgeDays = typeof maxAgeRaw === 'number' || typeof maxAgeRaw === 'string' ? parseMaxAge(maxAgeRaw) : undefined;
      if (maxAgeDays === undefined) problem(lineOfField('max-age'), `${at}.max-age`, `expected a duration such as 90d, 12w or 1y, got ${JSON.stringify(maxAgeRaw)}`);
    }
    if (values.get('expires') === undefined && values.get('max-age') === undefined) {
      problem(itemLine, `${at}.expires`, 'neither expires nor max-age: the default rotation policy applies', 'warning');
    }
    const revoke = text('revoke');
    if (revoke === undefined) problem(itemLine, `${at}.revoke`, 'missing: say how to revoke it (a URL or the command)', 'warning');
    const environment = text('environment');
    if (kind === 'environment-secret' && environment === undefined) problem(lineOfField('environment'), `${at}.environment`, 'required for kind environment-secret: the deployment environment the secret belongs to');
    const paths = list('paths', (s) => s.length > 0, 'path globs');
    const fingerprints = list('fingerprints', (s) => FINGERPRINT.test(s), '64-character hex fingerprints');

    if (name === undefined) return;
    const identity = `${kind ?? kindText ?? ''}\0${environment ?? ''}\0${name}`;
    const first = seen.get(identity);
    if (first !== undefined) problem(lineOfField('name'), `${at}.name`, `duplicate of identities[${first}] ("${name}")`);
    else seen.set(identity, index);

    const entry: InventoryEntry = { name, line: itemLine, index, paths, fingerprints };
    if (kind) entry.kind = kind;
    if (owner) entry.owner = owner;
    if (purpose !== undefined) entry.purpose = purpose;
    if (created) entry.created = created;
    if (expires) entry.expires = expires;
    if (maxAgeDays !== undefined) entry.maxAgeDays = maxAgeDays;
    const rotation = text('rotation');
    if (rotation !== undefined) entry.rotation = rotation;
    if (revoke !== undefined) entry.revoke = revoke;
    if (environment !== undefined) entry.environment = environment;
    const provider = text('provider');
    if (provider !== undefined) entry.provider = provider;
    inventory.entries.push(entry);
  });
  return inventory;
}

/**
 * Reads `.github/nhi.yml` (or `.yaml`); undefined when the repository has none. With `at`, from that commit (a pull
 * request's base, so the PR cannot choose to whom its own leak is attributed); never through a link or past the cap.
 */
export async function loadInventory(repoDir: string, source: { at?: string } = {}): Promise<Inventory | undefined> {
  return loadInventorySync(repoDir, source);
}

export function loadInventorySync(repoDir: string, source: { at?: string } = {}): Inventory | undefined {
  for (const file of INVENTORY_FILES) {
    const text = textOrMissing(readRepoFile(repoDir, file, { at: source.at }));
    if (text !== undefined) return parseInventory(text, file);
  }
  return undefined;
}
