import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where GitHub looks for CODEOWNERS, in its order: the first one found is used. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
  regex: RegExp;
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

function escapeRegex(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/**
 * Translates one CODEOWNERS pattern to a regular expression, following GitHub's documented semantics (a subset of
 * .gitignore): a leading `/` or a `/` inside anchors the pattern at the root, otherwise it matches at any depth; a
 * trailing `/` matches everything under the directory; `*` stays within a path segment, `**` crosses them; a pattern
 * naming a directory also matches its contents, but `docs/*` matches only files directly in docs (GitHub's example).
 */
export function codeownersPatternToRegex(pattern: string): RegExp {
  let body = pattern;
  const dirOnly = body.endsWith('/');
  if (dirOnly) body = body.replace(/\/+$/, '');
  const anchored = body.startsWith('/') || body.includes('/');
  body = body.replace(/^\/+/, '');
  let source = '';
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (char === '*' && body[i + 1] === '*') {
      const slashAfter = body[i + 2] === '/';
      const atStart = i === 0 || body[i - 1] === '/';
      if (atStart && slashAfter) {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += escapeRegex(char);
  }
  const lastSegment = body.split('/').pop() ?? '';
  const prefix = anchored ? '^' : '^(?:.*/)?';
  const suffix = dirOnly ? '/.*$' : /[*?]/.test(lastSegment) && !lastSegment.includes('**') ? '$' : '(?:/.*)?$';
  return new RegExp(prefix + source + suffix);
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
    rules.push({ pattern, owners: owners.filter((owner) => OWNER.test(owner)), line, regex: codeownersPatternToRegex(pattern) });
  });
  return { path, rules, problems };
}

/** Owners of a path: the last matching rule wins, and a matching rule without owners means nobody owns it. */
export function ownersOf(codeowners: Codeowners, path: string): { owners: string[]; rule?: CodeownersRule } {
  const normalized = path.replace(/^\.?\//, '');
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i] as CodeownersRule;
    if (rule.regex.test(normalized)) return { owners: rule.owners, rule };
  }
  return { owners: [] };
}

/** Every handle named anywhere in the file, lower-cased. */
export function codeownerHandles(codeowners: Codeowners): Set<string> {
  return new Set(codeowners.rules.flatMap((rule) => rule.owners.map((owner) => owner.toLowerCase())));
}

/** Reads the first CODEOWNERS file GitHub would use; undefined when there is none. */
export async function loadCodeowners(repoDir: string): Promise<Codeowners | undefined> {
  for (const location of CODEOWNERS_LOCATIONS) {
    try {
      return parseCodeowners(await readFile(join(repoDir, location), 'utf8'), location);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return undefined;
}

/** Synchronous `loadCodeowners`, for callers (such as `enrichFindings`) that are not async. */
export function loadCodeownersSync(repoDir: string): Codeowners | undefined {
  for (const location of CODEOWNERS_LOCATIONS) {
    try {
      return parseCodeowners(readFileSync(join(repoDir, location), 'utf8'), location);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return undefined;
}
