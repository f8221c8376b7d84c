import { afterEach, describe, expect, it } from 'vitest';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';
import { ALL_MODES, COMMIT_MODES, PullRequestRepo, awsKey, expectNoRaw, keyLine, scannerFor, unscanned, where, attributes } from './git-fixtures.js';

const utf16le = (text: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const body = Buffer.from(text, 'utf16le');
  body.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
};
/** Bytes of every value in no order, as compressed images and archives have. */
const noise = (length: number, seed = 1) => Buffer.from(Array.from({ length }, (_, i) => (i * 7919 + seed * 104_729 + (i >> 5)) & 255));
const LFS_HEAD = 'version https://git-lfs.github.com/spec/v1\n';
const realPointer = () => `${LFS_HEAD}oid sha256:${'4d7a'.repeat(16)}\nsize 12345\n`;

describe('what looks binary or like an LFS pointer but is text is scanned', () => {
  const repos: PullRequestRepo[] = [];
  afterEach(() => {
    for (const repo of repos.splice(0)) repo.cleanup();
  });
  const pr = () => {
    const repo = new PullRequestRepo();
    repos.push(repo);
    return repo;
  };

  const TEXT_DISGUISES: [name: string, content: (key: string) => string | Buffer, line: number][] = [
    ['a NUL byte at the start', (key) => `\0${keyLine(key)}`, 1],
    ['NUL bytes on the lines around it', (key) => `a=1\n\0\0\0\n${keyLine(key)}\0\n`, 3],
    ['a NUL in every line', (key) => `\0a=1\n\0b=2\n\0${keyLine(key)}`, 3],
    ['a fake LFS version line first', (key) => `${LFS_HEAD}${keyLine(key)}`, 2],
    ['an LFS pointer with a key line added', (key) => `${realPointer()}${keyLine(key)}`, 4],
    ['an LFS-pointer shape with an oid too short', (key) => `${LFS_HEAD}oid sha256:abc\nsize 1\n${keyLine(key)}`, 4],
    ['UTF-16 LE with a BOM (PowerShell)', (key) => utf16le(`# env\r\n${keyLine(key).trim()}\r\n`), 2],
    ['UTF-16 LE without a BOM', (key) => utf16le(`x=1\n${keyLine(key)}`, false), 2],
    ['UTF-16 BE with a BOM', (key) => utf16be(`x=1\n${keyLine(key)}`), 2],
  ];

  for (const [name, content, line] of TEXT_DISGUISES) {
    it(`finds a key in text with ${name}, in every mode`, async () => {
      const repo = pr();
      const key = awsKey();
      repo.commit('settings', { 'ops/prod.env': content(key) });
      for (const mode of ALL_MODES) {
        const result = await repo.scan(mode, scannerFor());
        expect(where(result.findings), `${name} in ${mode}`).toEqual([`ops/prod.env:${line}`]);
        expect(result.notices.filter((n) => n.kind === 'binary' || n.kind === 'lfs-pointer'), mode).toEqual([]);
        expectNoRaw(result, [key]);
      }
    });
  }

  it('finds a provider key wrapped in binary noise, and reports no generic noise from binaries', async () => {
    const repo = pr();
    const key = awsKey();
    const head = noise(9000, 5);
    repo.commit('assets', {
      'assets/blob.bin': Buffer.concat([head, Buffer.from(`\n${keyLine(key)}`), noise(3000, 6)]),
      'assets/other.bin': Buffer.concat([noise(4000, 7), Buffer.from(`\npassword = "${randomFrom(ALNUM, 18)}"\n`), noise(4000, 8)]),
    });
    for (const mode of ALL_MODES) {
      const result = await repo.scan(mode, scannerFor());
      expect(result.findings.map((f) => `${f.path}:${f.ruleId}`), mode).toEqual(['assets/blob.bin:aws-access-key-id']);
      expect(result.notices.find((n) => n.kind === 'binary')?.message, mode).toMatch(/^2 binary .* provider key formats only/);
      expectNoRaw(result, [key]);
    }
  });

  it('maps a UTF-16 finding to its line and byte column', async () => {
    const repo = pr();
    const key = awsKey();
    repo.commit('settings', { 'a.env': utf16le(`one\r\n  ${keyLine(key)}`) });
    const [finding] = (await repo.scan('diff', scannerFor())).findings;
    // Columns count bytes of the line as git splits it: line 2 starts with the 0x00 of line 1's newline, then
    // "  AWS_ACCESS_KEY_ID=" is 20 code units (40 bytes), so the key starts at byte 42 and its 20 units end at 82.
    expect(finding).toMatchObject({ line: 2, column: 42, endLine: 2, endColumn: 82, utf16Column: 21, utf16EndColumn: 41 });
  });

  it('finds a key added to a long UTF-16 file in a change of several hunks', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `setting_${i}=value ${i}`);
    const repo = new PullRequestRepo({ 'conf/app.ini': utf16le(lines.join('\r\n') + '\r\n') });
    repos.push(repo);
    const key = awsKey();
    const changed = [...lines];
    changed[2] = 'setting_2=changed';
    changed[20] = 'setting_20=changed too';
    changed.splice(35, 0, keyLine(key).trim());
    repo.commit('tweak', { 'conf/app.ini': utf16le(changed.join('\r\n') + '\r\n') });
    for (const mode of ALL_MODES) {
      const result = await repo.scan(mode, scannerFor());
      expect(where(result.findings), mode).toEqual(['conf/app.ini:36']);
    }
  });

  it('skips a real LFS pointer (no unscanned notice: its content is in LFS storage)', async () => {
    const repo = pr();
    repo.commit('model', { 'model.bin': realPointer() });
    for (const mode of ALL_MODES) {
      const result = await repo.scan(mode, scannerFor());
      expect(result.findings).toEqual([]);
      expect(result.notices.map((n) => n.kind), mode).toContain('lfs-pointer');
      expect(unscanned(result.notices), mode).toEqual([]);
    }
  });
});

describe('what cannot be scanned is a notice with unscanned: true', () => {
  const repos: PullRequestRepo[] = [];
  afterEach(() => {
    for (const repo of repos.splice(0)) repo.cleanup();
  });

  it('a binary credential store, by extension or by magic number', async () => {
    const repo = new PullRequestRepo();
    repos.push(repo);
    const head = repo.commit('keys', {
      'certs/server.p12': Buffer.concat([Buffer.from([0x30, 0x82, 0x0a, 0x01]), noise(3000, 2)]),
      'certs/release.bin': Buffer.concat([Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2]), noise(2000, 3)]),
      'img/logo.png': Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), noise(5000, 4)]),
    });
    for (const mode of ALL_MODES) {
      const result = await repo.scan(mode, scannerFor());
      const stores = unscanned(result.notices);
      expect(stores.map((n) => n.path).sort(), mode).toEqual(['certs/release.bin', 'certs/server.p12']);
      expect(stores.map((n) => n.message).join('\n'), mode).toMatch(/PKCS#12[\s\S]*|Java keystore/);
      if (attributes(mode)) expect(stores.every((n) => n.commit === head), mode).toBe(true);
      // The image is a plain binary: counted, not "not scanned".
      expect(result.notices.find((n) => n.kind === 'binary' && !n.unscanned), mode).toBeDefined();
    }
  });

  it('a file over the size cap, with its path and commit, without collecting it', async () => {
    const repo = new PullRequestRepo();
    repos.push(repo);
    const early = awsKey();
    const late = awsKey();
    const head = repo.commit('dump', { 'data/dump.sql': `${keyLine(early)}${'insert into t values (1);\n'.repeat(20_000)}${keyLine(late)}` });
    for (const mode of ALL_MODES) {
      const result = await repo.scan(mode, scannerFor(), 100_000);
      const notice = unscanned(result.notices).find((n) => n.kind === 'too-large');
      expect(notice?.message, mode).toMatch(/data\/dump\.sql/);
      expect(notice?.path, mode).toBe('data/dump.sql');
      if (attributes(mode)) expect(notice?.commit, mode).toBe(head);
      // Patches scan the added lines up to the cap; a blob over the cap is not read at all.
      expect(where(result.findings), mode).toEqual(mode === 'history-blobs' ? [] : ['data/dump.sql:1']);
      expectNoRaw(result, [early, late]);
    }
  });

  it('a single line over the cap', async () => {
    const repo = new PullRequestRepo();
    repos.push(repo);
    const key = awsKey();
    repo.commit('minified', { 'dist/app.min.js': `var a=1;${'x'.repeat(300_000)};k="${key}"\n` });
    for (const mode of COMMIT_MODES) {
      const result = await repo.scan(mode, scannerFor(), 100_000);
      expect(unscanned(result.notices).map((n) => n.kind), mode).toEqual(['too-large']);
    }
  });
});
