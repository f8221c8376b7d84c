import picomatch from 'picomatch';

/** Inline ignore markers: keyward's own, gitleaks' (for teams migrating) and detect-secrets' pragma. */
const INLINE_IGNORE = /keyward:allow|gitleaks:allow|pragma:\s*allowlist[ -]secret/;

export function hasInlineIgnore(line: string): boolean {
  return INLINE_IGNORE.test(line);
}

/** Generic (entropy) rules stay out of files made of hashes: lockfiles and checksum lists. */
export const HASH_FILE_GLOBS: readonly string[] = [
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/bun.lock',
  '**/go.sum',
  '**/Cargo.lock',
  '**/poetry.lock',
  '**/Pipfile.lock',
  '**/uv.lock',
  '**/composer.lock',
  '**/Gemfile.lock',
  '**/packages.lock.json',
  '**/gradle.lockfile',
  '**/*.sum',
  '**/*.sha256',
  '**/*.min.js',
  '**/*.map',
  '**/*.svg',
];

/** Context around a generic value that marks it as a checksum or pinned digest rather than a credential. */
const HASH_CONTEXT = /\buses:\s*\S+@[0-9a-f]{40}\b|@sha256:[0-9a-f]{64}|\bintegrity\b|\bchecksum\b|\bsha(?:1|256|512)?sum\b|(?<!-)\bdigest\b|\bhash\b/i;

export function hasHashContext(line: string): boolean {
  return HASH_CONTEXT.test(line);
}

export type PathMatcher = (path: string) => boolean;

export function globMatcher(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  const match = picomatch([...globs], { dot: true });
  return (path) => match(path);
}
