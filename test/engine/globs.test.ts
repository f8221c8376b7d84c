import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IGNORE_PATHS } from '../../src/engine/config/defaults.js';
import { HASH_FILE_GLOBS, globMatcher } from '../../src/engine/allowlist.js';

/** A small deterministic generator, so a failure names the same paths on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = ['a', 'b', '.', '..', '', '*', 'lock', '.min.js', 'x.min.js', 'composer.lock', 'yarn.lock', '.svg', 'go.sum', 'node_modules', 'docs', 'doc', '.git', 'README.md', 'a.MD', '!', '[a]', '\\', ' ', 'a b', '.venv', 'vendor/bundle'];

function randomPath(next: () => number): string {
  const segments = 1 + Math.floor(next() * 5);
  const parts: string[] = [];
  for (let i = 0; i < segments; i++) {
    const glue = 1 + Math.floor(next() * 2);
    let segment = '';
    for (let k = 0; k < glue; k++) segment += PIECES[Math.floor(next() * PIECES.length)];
    parts.push(segment);
  }
  const path = parts.join('/');
  return next() < 0.1 ? `/${path}` : next() < 0.1 ? `${path}/` : path;
}

const LISTS: readonly (readonly string[])[] = [
  HASH_FILE_GLOBS,
  DEFAULT_IGNORE_PATHS,
  ['**/*.{md,markdown,rst,adoc,asciidoc,html,htm}', '**/docs/**', '**/doc/**'],
  ['**/*', '**/.git', '**/a*b', '**/[ab].lock', '**/!(x).js', 'docs/*.md', '!**/*.lock'],
  ['**/composer.lock'],
  ['**/.venv/**', '**/./**', '**/../**', '**/a b/**', '**/..', '**/.', '**/docs/**', 'docs/**', '**/vendor/bundle/**'],
];

describe('globMatcher', () => {
  it('answers as picomatch (dot: true) does, on plain paths and on odd ones', () => {
    const next = seeded(12);
    const paths = ['composer.lock', 'a/composer.lock', 'a/b/yarn.lock', 'x.min.js', '.min.js', 'a/.svg', '**/composer.lock', 'a/../composer.lock', './go.sum', 'a//go.sum', 'node_modules/x', 'a/node_modules', 'docs', 'doc/a'];
    for (let i = 0; i < 4000; i++) paths.push(randomPath(next));
    for (const globs of LISTS) {
      const reference = picomatch([...globs], { dot: true });
      const ours = globMatcher(globs);
      const differ = paths.filter((path) => path !== '' && ours(path) !== Boolean(reference(path)));
      expect(differ, globs.join(' ')).toEqual([]);
    }
  });
});
