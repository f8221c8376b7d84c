// Reads the per-provider examples two public scanners publish, from local bare mirrors at pinned commits (never
// fetched at run time, never vendored): Kingfisher's rule files (data/rules/<family>.yml, each rule's `examples` and
// `negative_examples`) and trufflehog's detector pattern tests (pkg/detectors/<family>/*_test.go, the test cases'
// `input` with a non-empty `want` as true examples, an empty `want` as negatives). Only the examples' text is used, to
// measure; nothing of it is written into this repository.
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
import { mirrorOf } from '../leaks/corpora.mjs';

export const sources = {
  kingfisher: { repo: 'mongodb/kingfisher', commit: 'ee7c0db3ef87575768f817820c24736249ffcdef' },
  trufflehog: { repo: 'trufflesecurity/trufflehog', commit: '3ab759fef4bb5935d4fe9ac68b503d05346b8364' },
};

function git(gitDir, args) {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

/** The files under `folder` at the source's commit whose path matches `wanted`, with their text. */
function filesOf(source, folder, wanted) {
  const gitDir = mirrorOf(source.repo);
  if (!gitDir) return { skipped: `no mirror of ${source.repo} (set KEYWARD_MIRRORS)` };
  const paths = git(gitDir, ['ls-tree', '-r', '--name-only', source.commit, folder]).split('\n').filter((p) => wanted.test(p));
  const input = paths.map((p) => `${source.commit}:${p}`).join('\n') + '\n';
  const batch = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { input, maxBuffer: 1 << 28 });
  const files = [];
  let at = 0;
  for (const path of paths) {
    const newline = batch.indexOf(10, at);
    const size = Number(batch.subarray(at, newline).toString('latin1').split(' ')[2]);
    files.push({ path, text: batch.subarray(newline + 1, newline + 1 + size).toString('utf8') });
    at = newline + 1 + size + 1;
  }
  return { files };
}

/** Kingfisher: { family, rule, text, positive } per example. */
export function kingfisherCases() {
  const read = filesOf(sources.kingfisher, 'data/rules', /\.ya?ml$/);
  if (read.skipped) return read;
  const cases = [];
  for (const { path, text } of read.files) {
    const family = path.split('/').pop().replace(/\.ya?ml$/, '');
    let doc;
    try {
      doc = parse(text);
    } catch {
      continue;
    }
    for (const rule of doc?.rules ?? []) {
      // A rule with `visible: false` is a dependency (a host name, an account id, a user name) that Kingfisher never
      // reports on its own, only uses to validate another rule's match: its examples are not secrets.
      if (rule.visible === false) continue;
      for (const example of rule.examples ?? []) if (typeof example === 'string') cases.push({ family, rule: rule.id ?? rule.name, text: example, positive: true });
      for (const example of rule.negative_examples ?? []) if (typeof example === 'string') cases.push({ family, rule: rule.id ?? rule.name, text: example, positive: false });
    }
  }
  return { cases };
}

/** trufflehog: { family, rule, text, positive } per pattern-test case whose input could be evaluated. */
export function trufflehogCases() {
  const read = filesOf(sources.trufflehog, 'pkg/detectors', /_test\.go$/);
  if (read.skipped) return read;
  const cases = [];
  for (const { path, text } of read.files) {
    if (/integration_test\.go$/.test(path)) continue;
    const parts = path.split('/');
    const family = parts.length > 3 ? parts[2] : parts[2].replace(/_test\.go$/, '');
    for (const entry of goPatternCases(text)) cases.push({ family, rule: family, ...entry });
  }
  return { cases };
}

// A tiny reader of the Go forms these tests use: string literals (interpreted and raw), identifiers bound to strings
// (`name = "..."`, `name := ...`), `+`, and fmt.Sprintf with %s/%v/%q/%d. Anything else makes a case unreadable: skipped.
const STRING = /"(?:[^"\\\n]|\\.)*"|`[^`]*`/y;

function goString(literal) {
  if (literal.startsWith('`')) return literal.slice(1, -1);
  try {
    return JSON.parse(literal.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\'/g, "'").replace(/\\a|\\v|\\f/g, ''));
  } catch {
    return undefined;
  }
}

function bindings(text) {
  const vars = new Map();
  const binding = /^[ \t]*([A-Za-z_]\w*)[ \t]*:?=[ \t]*/gm;
  for (const match of text.matchAll(binding)) {
    const value = evaluatePrefix(text, match.index + match[0].length, vars);
    if (value !== undefined) vars.set(match[1], value);
  }
  return vars;
}

/** The value of the expression starting at `at`, when it ends at a line end, a comma or a comment. */
function evaluatePrefix(text, at, vars) {
  const reader = { text, at };
  const value = readSum(reader, vars);
  while (reader.at < text.length && (text[reader.at] === ' ' || text[reader.at] === '\t')) reader.at++;
  return reader.at >= text.length || /[\n,)]|\/\//.test(text.slice(reader.at, reader.at + 2)) ? value : undefined;
}

function skipSpace(reader) {
  while (reader.at < reader.text.length && /\s/.test(reader.text[reader.at])) reader.at++;
}

function readSum(reader, vars) {
  let value = readTerm(reader, vars);
  for (;;) {
    if (value === undefined) return undefined;
    const before = reader.at;
    skipSpace(reader);
    if (reader.text[reader.at] !== '+') {
      reader.at = before;
      return value;
    }
    reader.at++;
    const next = readTerm(reader, vars);
    value = next === undefined ? undefined : value + next;
  }
}

function readTerm(reader, vars) {
  skipSpace(reader);
  STRING.lastIndex = reader.at;
  const literal = STRING.exec(reader.text);
  if (literal) {
    reader.at = STRING.lastIndex;
    return goString(literal[0]);
  }
  const call = /fmt\.Sprintf\(/y;
  call.lastIndex = reader.at;
  if (call.exec(reader.text)) {
    reader.at = call.lastIndex;
    const args = [];
    for (;;) {
      const arg = readSum(reader, vars);
      if (arg === undefined) return undefined;
      args.push(arg);
      skipSpace(reader);
      const sep = reader.text[reader.at++];
      if (sep === ')') break;
      if (sep !== ',') return undefined;
    }
    let next = 1;
    return args[0].replace(/%[svqd]/g, (verb) => (verb === '%q' ? JSON.stringify(args[next++] ?? '') : String(args[next++] ?? '')));
  }
  const name = /[A-Za-z_]\w*/y;
  name.lastIndex = reader.at;
  const id = name.exec(reader.text);
  if (id && vars.has(id[0])) {
    reader.at = name.lastIndex;
    return vars.get(id[0]);
  }
  return undefined;
}

/** The test cases of one pattern-test file: `input: <expr>,` followed by `want: <expr>`. */
function goPatternCases(text) {
  const vars = bindings(text);
  const cases = [];
  // Each test case's fields, in any order: its input, and the want that follows before the next input.
  const inputs = [...text.matchAll(/\binput:\s*/g)];
  inputs.forEach((match, index) => {
    const start = match.index + match[0].length;
    const input = evaluatePrefix(text, start, vars);
    if (input === undefined || input.trim() === '') return;
    const end = inputs[index + 1]?.index ?? text.length;
    const want = /\bwant:\s*([^\n]*)/.exec(text.slice(start, end))?.[1]?.trim();
    if (want === undefined) return;
    const positive = !/^(?:nil|\[\]string\{\s*\}|\[\]string\(nil\)|\[\]string\{\},?)/.test(want);
    cases.push({ text: input, positive });
  });
  return cases;
}
