import { execFileSync } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createScanner, regexBackends } from '../../src/engine/index.js';

/** Stores written by the real tools (openssl, keytool, gpg, ssh-keygen); a test is skipped where its tool is missing. */
const has = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const dir = mkdtempSync(join(tmpdir(), 'keyward-stores-'));
const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
const scanner = createScanner({ backend: regexBackends.portable });
const scan = (file: string, path = file) => {
  const content = readFileSync(join(dir, file));
  return { ...scanner.scanBuffer(content, path), content };
};
const ids = (result: { findings: { ruleId: string }[] }) => result.findings.map((f) => f.ruleId);

afterAll(() => {
  if (has('gpgconf')) execFileSync('gpgconf', ['--homedir', join(dir, 'gnupg'), '--kill', 'gpg-agent'], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
});

describe('credential stores written by their tools', () => {
  it.skipIf(!has('openssl'))('PKCS#12 with a key is one finding, renamed too, without any of its bytes; certificates only are a not-scanned notice', () => {
    run('openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-subj', '/CN=keyward-test', '-days', '1');
    run('openssl', 'pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-out', 'client.p12', '-passout', 'pass:changeit');
    run('openssl', 'pkcs12', '-export', '-nokeys', '-in', 'cert.pem', '-out', 'ca.p12', '-passout', 'pass:changeit');
    for (const path of ['certs/client.p12', 'assets/logo.png']) {
      const result = scan('client.p12', path);
      expect(ids(result), path).toEqual(['pkcs12-keystore']);
      const finding = result.findings[0]!;
      expect(finding.details?.store).toMatch(/PKCS#12 keystore holding a private key/);
      expect(finding.redacted).toBe(`(whole file, ${result.content.length} bytes)`);
      expect(JSON.stringify(finding)).not.toContain(result.content.subarray(32, 48).toString('base64'));
      expect(result.notices).toEqual([]);
    }
    const certsOnly = scan('ca.p12', 'certs/ca.p12');
    expect(ids(certsOnly)).toEqual([]);
    expect(certsOnly.notices).toMatchObject([{ kind: 'binary', unscanned: true, message: expect.stringContaining('PKCS#12') }]);
  });

  it.skipIf(!has('keytool'))('a JKS, JCEKS or PKCS#12 keystore from keytool is a finding; a truststore of certificates is nothing', () => {
    const store = ['-storepass', 'changeit', '-keypass', 'changeit'];
    run('keytool', '-genkeypair', '-alias', 'release', '-keyalg', 'EC', '-dname', 'CN=keyward-test', '-keystore', 'release.jks', '-storetype', 'JKS', ...store);
    run('keytool', '-genseckey', '-alias', 'aes', '-keyalg', 'AES', '-keysize', '128', '-keystore', 'secret.jceks', '-storetype', 'JCEKS', ...store);
    run('keytool', '-genkeypair', '-alias', 'release', '-keyalg', 'EC', '-dname', 'CN=keyward-test', '-keystore', 'release.p12', '-storetype', 'PKCS12', ...store);
    run('keytool', '-exportcert', '-alias', 'release', '-keystore', 'release.jks', '-storepass', 'changeit', '-file', 'release.cer');
    run('keytool', '-importcert', '-noprompt', '-alias', 'ca', '-file', 'release.cer', '-keystore', 'trust.jks', '-storetype', 'JKS', '-storepass', 'changeit');
    expect(ids(scan('release.jks', 'app/debug.keystore'))).toEqual(['java-keystore']);
    expect(scan('release.jks', 'app/debug.keystore').findings[0]!.details?.store).toMatch(/JKS\) holding a private key/);
    expect(ids(scan('secret.jceks', 'conf/data.bin'))).toEqual(['java-keystore']);
    expect(ids(scan('release.p12', 'conf/release.pfx'))).toEqual(['pkcs12-keystore']);
    const trust = scan('trust.jks', 'conf/truststore.jks');
    expect(ids(trust)).toEqual([]);
    expect(trust.notices).toEqual([]);
  });

  it.skipIf(!has('gpg'))('an exported OpenPGP secret key is a finding, renamed too; the public key is nothing', () => {
    const home = ['--homedir', join(dir, 'gnupg'), '--batch', '--pinentry-mode', 'loopback', '--passphrase', ''];
    execFileSync('mkdir', ['-m', '700', '-p', join(dir, 'gnupg')]);
    run('gpg', ...home, '--quick-gen-key', 'Keyward Test <test@example.net>', 'ed25519', 'sign', 'never');
    run('gpg', ...home, '--output', 'exported.gpg', '--export-secret-keys');
    run('gpg', ...home, '--output', 'public.gpg', '--export');
    expect(ids(scan('exported.gpg', 'keys/release.gpg'))).toEqual(['gpg-secret-key']);
    expect(ids(scan('exported.gpg', 'keys/release.dat'))).toEqual(['gpg-secret-key']);
    expect(ids(scan('public.gpg', 'keys/release.pub.gpg'))).toEqual([]);
  });

  it.skipIf(!has('ssh-keygen'))('an OpenSSH private key is found in its PEM form and written out decoded', () => {
    run('ssh-keygen', '-q', '-t', 'ed25519', '-N', '', '-C', 'keyward-test', '-f', 'id_ed25519');
    expect(ids(scan('id_ed25519', 'deploy/id_ed25519'))).toEqual(['openssh-private-key']);
    const pem = readFileSync(join(dir, 'id_ed25519'), 'latin1');
    const binary = Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
    expect(ids(scanner.scanBuffer(binary, 'deploy/key.bin'))).toEqual(['openssh-binary-private-key']);
  });
});

describe('tools\' saved logins, judged by the store rather than the value', () => {
  const found = (text: string, path: string) => ids(scanner.scanBuffer(Buffer.from(text), path));
  const saved = `{ "credentials": [ { "databaseName": "main", "userName": "app", "userPassword": "mongo${'pass'}" } ] }`;

  it('reports a Robo 3T password that is a word only in Robo 3T\'s own file', () => {
    expect(found(saved, 'home/.3T/robo-3t/1.4.4/robo3t.json')).toEqual(['robo3t-saved-password']);
    expect(found(saved, 'db/robomongo.json')).toEqual(['robo3t-saved-password']);
    expect(found(saved, 'config/app.json')).toEqual([]);
  });

  it('keeps a FileZilla password holding "Example", which the shared placeholder check would drop elsewhere', () => {
    const value = `Example${'Pas'}${100 + Math.floor(Math.random() * 900)}`;
    expect(found(`<Server><Host>ftp.example.com</Host><Pass>${value}</Pass></Server>`, 'filezilla/sitemanager.xml')).toEqual(['filezilla-saved-password']);
    expect(found(`const password = "${value}";`, 'src/app.ts')).toEqual([]);
    expect(found('<Server><Pass>${FTP_PASSWORD}</Pass></Server>', 'filezilla/sitemanager.xml')).toEqual([]);
  });

  it('reports DBeaver\'s encrypted credentials-config.json once, by path and cipher text, without its bytes', () => {
    const key = randomBytes(16);
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-128-cbc', key, iv);
    const plain = JSON.stringify({ 'postgres-jdbc-1': { '#connection': { user: 'report', password: randomBytes(9).toString('base64url') } } });
    const content = Buffer.concat([iv, cipher.update(plain), cipher.final()]);
    const result = scanner.scanBuffer(content, 'DBeaverData/workspace6/General/.dbeaver/credentials-config.json');
    expect(ids(result)).toEqual(['dbeaver-credentials-store']);
    expect(JSON.stringify(result.findings)).not.toContain(content.toString('base64'));
    expect(ids(scanner.scanBuffer(content, 'backup/credentials.bin'))).toEqual([]);
    expect(ids(scanner.scanBuffer(Buffer.from(plain.padEnd(64)), '.dbeaver/credentials-config.json'))).not.toContain('dbeaver-credentials-store');
  });
});
