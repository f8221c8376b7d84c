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

/**
 * A path matcher for a glob list, as picomatch with `dot: true` answers it. Two common forms are answered without
 * picomatch on plain paths (whose regexes walk the whole path once per glob, and a tree scan asks every file's path):
 * `**\/<name>` by the path's last segment alone, and `**\/<folder>/**` by whether the path passes through it. The rest
 * go to picomatch; globs.test.ts checks that both answer alike.
 */
export function globMatcher(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  // Rules that share a glob list (the password rules' docs folders) share its matcher and its last answer: a file's
  // path is asked once per rule with a keyword hit in it.
  const key = JSON.stringify(globs);
  let matcher = compiledGlobs.get(key);
  if (!matcher) compiledGlobs.set(key, (matcher = lastAnswerKept(compileGlobs(globs))));
  return matcher;
}

const compiledGlobs = new Map<string, PathMatcher>();

function lastAnswerKept(matcher: PathMatcher): PathMatcher {
  let lastPath: string | undefined;
  let lastAnswer = false;
  return (path) => {
    if (path !== lastPath) {
      lastAnswer = matcher(path);
      lastPath = path;
    }
    return lastAnswer;
  };
}

function compileGlobs(globs: readonly string[]): PathMatcher {
  const full = picomatch([...globs], { dot: true });
  const names = globs.filter((glob) => NAME_GLOB.test(glob)).map((glob) => glob.slice(3));
  const folders = globs.filter((glob) => FOLDER_GLOB.test(glob)).map((glob) => glob.slice(3, -3));
  if (names.length === 0 && folders.length === 0) return (path) => full(path);
  const others = globs.filter((glob) => !NAME_GLOB.test(glob) && !FOLDER_GLOB.test(glob));
  const exact = new Set(globs);
  const literal = new Set(names.filter((name) => !GLOB_CHARS.test(name)));
  const byName = optionalMatcher(names.filter((name) => GLOB_CHARS.test(name)));
  const byPath = optionalMatcher(others);
  const inFolder = folderTest(folders);
  return (path) => {
    if (!PLAIN_PATH.test(path)) return full(path);
    if (exact.has(path) || inFolder(path)) return true;
    const name = path.slice(path.lastIndexOf('/') + 1);
    return literal.has(name) || byName(name) || byPath(path);
  };
}

function optionalMatcher(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  const match = picomatch([...globs], { dot: true });
  return (path) => match(path);
}

/** Whether a plain path passes through one of `folders` (or is one). */
function folderTest(folders: readonly string[]): PathMatcher {
  const forms = folders.map((folder) => ({ folder, first: `${folder}/`, inner: `/${folder}/`, last: `/${folder}` }));
  return (path) => forms.some((f) => path === f.folder || path.startsWith(f.first) || path.endsWith(f.last) || path.includes(f.inner));
}

/** `**\/` and a last segment: no further `/`, no `**`, no leading `!`. */
const NAME_GLOB = /^\*\*\/(?!\*\*|!)[^/]+$/;
/** `**\/<folder>/**` for a folder (or `a/b` folders) of literal characters. */
const FOLDER_GLOB = /^\*\*\/(?:(?!\.{1,2}\/)[^/*?[\]{}()!@+\\|^$]+\/)+\*\*$/;
/** Anything picomatch reads as other than a literal character. */
const GLOB_CHARS = /[*?[\]{}()!@+\\|^$]/;
/** Segments of ordinary names: no empty, `.` or `..` segment, no `/` at either end (picomatch treats those apart). */
const PLAIN_PATH = /^(?!\.{1,2}(?:\/|$))(?:[^/]+\/(?!\.{1,2}(?:\/|$)))*[^/]+$/;
