import { readRepoFile, textOrMissing } from '../sources/safe-fs.js';

/** Where GitHub looks for CODEOWNERS, in its order: the first one found is used. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
  matches: (path: string) => boolean;
}

export interface CodeownersProblem {
  line: number;
  message: string;
}

export interface Codeowners {
  /** Repository-relative path of the file. */
  path: string;
  rules: CodeownersRule[];
  problems: CodeownersProblem[];
}

const OWNER = /^(@[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9._-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$/;

/** `*` and `?` within one path segment; the greedy two-pointer walk is O(n·m) at worst, never exponential. */
function segmentMatches(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Segments where `**` matches any number of whole path segments, by dynamic programming over both lists. */
function segmentsMatch(pattern: string[], path: string[]): boolean {
  const width = path.length + 1;
  const table = new Uint8Array((pattern.length + 1) * width);
  table[pattern.length * width + path.length] = 1;
  for (let i = pattern.length - 1; i >= 0; i--) {
    const segment = pattern[i] as string;
    for (let j = path.length; j >= 0; j--) {
      let ok: number;
      if (segment === '**') ok = (table[(i + 1) * width + j] ?? 0) | (j < path.length ? (table[i * width + j + 1] ?? 0) : 0);
      else ok = j < path.length && segmentMatches(segment, path[j] as string) ? (table[(i + 1) * width + j + 1] ?? 0) : 0;
      table[i * width + j] = ok;
    }
  }
  return table[0] === 1;
}

/**
 * Compiles one CODEOWNERS pattern, following GitHub's documented semantics (a subset of .gitignore): a leading `/` or
 * a `/` inside anchors the pattern at the root, otherwise it matches at any depth; a trailing `/` matches everything
 * under the directory; `*` stays within a path segment, `**` crosses them; a pattern naming a directory also matches
 * its contents, but `docs/*` matches only files directly in docs (GitHub's example). The matcher is not a regular
 * expression, so a hostile pattern in a pull request's CODEOWNERS cannot make matching slow.
 */
export function compileCodeownersPattern(pattern: string): (path: string) => boolean {
  let body = pattern;
  const dirOnly = body.endsWith('/');
  if (dirOnly) body = body.replace(/\/+$/, '');
  const anchored = body.startsWith('/') || body.includes('/');
  body = body.replace(/^\/+/, '');
  const segments = body
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment === '**' ? segment : segment.replace(/\*+/g, '*')));
  const last = segments[segments.length - 1] ?? '';
  const compiled = [...(anchored ? [] : ['**']), ...segments, ...(dirOnly ? ['*', '**'] : /[*?]/.test(last) && last !== '**' ? [] : ['**'])];
  return (path) => segmentsMatch(compiled, path.split('/').filter((segment) => segment !== ''));
}

export function parseCodeowners(text: string, path = '.github/CODEOWNERS'): Codeowners {
  const rules: CodeownersRule[] = [];
  const problems: CodeownersProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    let content = raw.trim();
    if (!content || content.startsWith('#')) return;
    // A `#` after whitespace starts a comment; `\#` at the start is a literal.
    content = content.replace(/\s+#.*$/, '');
    const [rawPattern, ...owners] = content.split(/\s+/);
    if (!rawPattern) return;
    const pattern = rawPattern.replace(/^\\#/, '#');
    if (pattern.startsWith('!')) {
      problems.push({ line, message: `negation ("${pattern}") is not supported in CODEOWNERS; line ignored` });
      return;
    }
    if (/\[.*\]/.test(pattern)) {
      problems.push({ line, message: `character ranges ("${pattern}") are not supported in CODEOWNERS; line ignored` });
      return;
    }
    const bad = owners.filter((owner) => !OWNER.test(owner));
    if (bad.length > 0) problems.push({ line, message: `not an owner (expected @user, @org/team or an e-mail): ${bad.join(', ')}` });
    rules.push({ pattern, owners: owners.filter((owner) => OWNER.test(owner)), line, matches: compileCodeownersPattern(pattern) });
  });
  return { path, rules, problems };
}

/** Owners of a path: the last matching rule wins, and a matching rule without owners means nobody owns it. */
export function ownersOf(codeowners: Codeowners, path: string): { owners: string[]; rule?: CodeownersRule } {
  const normalized = path.replace(/^\.?\//, '');
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i] as CodeownersRule;
    if (rule.matches(normalized)) return { owners: rule.owners, rule };
  }
  return { owners: [] };
}

/** Every handle named anywhere in the file, lower-cased. */
export function codeownerHandles(codeowners: Codeowners): Set<string> {
  return new Set(codeowners.rules.flatMap((rule) => rule.owners.map((owner) => owner.toLowerCase())));
}

/** Where CODEOWNERS and the inventory are read from: the work tree, or (`at`) a commit such as a pull request's base. */
export interface PolicyFileSource {
  at?: string;
}

/**
 * Reads the first CODEOWNERS file GitHub would use; undefined when there is none. A link, FIFO or device at its place,
 * or one over the size cap, is an error naming why (the safe reader never follows or blocks on it).
 */
export async function loadCodeowners(repoDir: string, source: PolicyFileSource = {}): Promise<Codeowners | undefined> {
  return loadCodeownersSync(repoDir, source);
}

/** Synchronous `loadCodeowners`, for callers (such as `enrichFindings`) that are not async. */
export function loadCodeownersSync(repoDir: string, source: PolicyFileSource = {}): Codeowners | undefined {
  for (const location of CODEOWNERS_LOCATIONS) {
    const text = textOrMissing(readRepoFile(repoDir, location, { at: source.at }));
    if (text !== undefined) return parseCodeowners(text, location);
  }
  return undefined;
}
