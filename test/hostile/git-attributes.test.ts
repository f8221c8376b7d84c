import { afterEach, describe, expect, it } from 'vitest';
import { ALL_MODES, PullRequestRepo, awsKey, expectNoRaw, keyLine, scannerFor } from './git-fixtures.js';

/**
 * A pull request controls its own .gitattributes (and a runner may have textconv or external diff drivers configured):
 * whatever they say, git must print the patch and Keyward must scan it, in every mode.
 */
interface Attack {
  name: string;
  /** Files the PR adds next to its key. */
  files: Record<string, string>;
  /** Repository config the runner (or a user) has, which the PR's attributes select. */
  config?: [string, string][];
  /** Files under .git written before the scan. */
  gitFiles?: Record<string, string>;
  /** The file that holds the key. */
  keyPath?: string;
}

const ATTACKS: Attack[] = [
  { name: '* -diff', files: { '.gitattributes': '* -diff\n' } },
  { name: '* binary', files: { '.gitattributes': '* binary\n' } },
  { name: '*.env -diff -text (CRLF, odd spacing)', files: { '.gitattributes': '  *.env\t-diff   -text\r\n' } },
  { name: 'a macro that unsets diff', files: { '.gitattributes': '[attr]hide -diff -merge -text\n*.env hide\n' } },
  { name: 'a nested .gitattributes', files: { 'config/.gitattributes': '* -diff\n' }, keyPath: 'config/prod.env' },
  { name: '* -text', files: { '.gitattributes': '* -text\n' } },
  { name: 'diff=<driver> with a textconv that hides keys', files: { '.gitattributes': '* diff=clean\n' }, config: [['diff.clean.textconv', 'sed s/AKIA/XXXX/']] },
  { name: 'diff=<driver> marked binary', files: { '.gitattributes': '*.env diff=opaque\n' }, config: [['diff.opaque.binary', 'true']] },
  { name: 'diff=<driver> with an external diff command', files: { '.gitattributes': '* diff=quiet\n' }, config: [['diff.quiet.command', 'true']] },
  { name: 'diff.external in the repository config', files: {}, config: [['diff.external', 'true']] },
  { name: 'a global attributes file', files: {}, config: [['core.attributesFile', '.git/hidden-attributes']], gitFiles: { 'hidden-attributes': '* -diff\n' } },
  { name: '.git/info/attributes', files: {}, gitFiles: { 'info/attributes': '* -diff\n' } },
];

describe('attributes, textconv and diff drivers never hide a patch', () => {
  const repos: PullRequestRepo[] = [];
  afterEach(() => {
    for (const repo of repos.splice(0)) repo.cleanup();
  });

  for (const attack of ATTACKS) {
    it(`finds the PR's key despite ${attack.name}, in every mode`, async () => {
      const pr = new PullRequestRepo();
      repos.push(pr);
      const key = awsKey();
      const keyPath = attack.keyPath ?? 'deploy/prod.env';
      pr.commit('add deployment settings', { ...attack.files, [keyPath]: `# settings\n${keyLine(key)}` });
      for (const [name, value] of attack.config ?? []) pr.repo.git('config', name, value);
      for (const [path, content] of Object.entries(attack.gitFiles ?? {})) pr.repo.write(`.git/${path}`, content);
      const scanner = scannerFor();
      for (const mode of ALL_MODES) {
        const result = await pr.scan(mode, scanner);
        expect(result.findings.map((f) => `${f.path}:${f.line}`), `${attack.name} in ${mode}`).toEqual([`${keyPath}:2`]);
        expect(result.notices.filter((n) => n.kind === 'binary'), mode).toEqual([]);
        expectNoRaw(result, [key]);
      }
    });
  }

  it('ignores GIT_EXTERNAL_DIFF inherited from the environment', async () => {
    const pr = new PullRequestRepo();
    repos.push(pr);
    const key = awsKey();
    pr.commit('add', { 'a.env': keyLine(key) });
    const saved = process.env.GIT_EXTERNAL_DIFF;
    process.env.GIT_EXTERNAL_DIFF = 'true';
    try {
      const result = await pr.scan('diff', scannerFor());
      expect(result.findings.map((f) => f.path)).toEqual(['a.env']);
    } finally {
      if (saved === undefined) delete process.env.GIT_EXTERNAL_DIFF;
      else process.env.GIT_EXTERNAL_DIFF = saved;
    }
  });

  it('reads the objects as they are, whatever refs/replace says', async () => {
    const pr = new PullRequestRepo();
    repos.push(pr);
    const key = awsKey();
    pr.commit('add', { 'a.env': keyLine(key) });
    const real = pr.repo.git('rev-parse', 'HEAD:a.env');
    // A replacement blob without the key, written outside the work tree.
    pr.repo.write('.git/decoy', 'AWS_ACCESS_KEY_ID=nothing to see\n');
    pr.repo.git('replace', real, pr.repo.git('hash-object', '-w', '.git/decoy'));
    for (const mode of ALL_MODES) {
      const result = await pr.scan(mode, scannerFor());
      expect(result.findings.map((f) => f.path), mode).toEqual(['a.env']);
    }
  });

  it('still judges real binaries itself, with --text printing them', async () => {
    const pr = new PullRequestRepo();
    repos.push(pr);
    const key = awsKey();
    const noise = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + (i >> 3)) & 255));
    pr.commit('add an image and a key', { '.gitattributes': '* -diff\n', 'logo.png': noise, 'a.env': keyLine(key) });
    for (const mode of ALL_MODES) {
      const result = await pr.scan(mode, scannerFor());
      expect(result.findings.map((f) => f.path), mode).toEqual(['a.env']);
      expect(result.notices.find((n) => n.kind === 'binary'), mode).toMatchObject({ message: expect.stringMatching(/^1 binary/) });
      expect(result.notices.filter((n) => n.unscanned), mode).toEqual([]);
    }
  });
});
