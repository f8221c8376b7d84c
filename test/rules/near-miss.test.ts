import { describe, expect, it } from 'vitest';
import { createScanner, regexBackends } from '../../src/engine/index.js';
import { hasValidSasFields } from '../../src/rules/values/azure-sas.js';
import { rejectGenericValue } from '../../src/rules/values/generic.js';
import { nearMissOfNamedProvider } from '../../src/rules/values/near-miss.js';
import { ALNUM, BASE64URL, randomFrom } from '../helpers/fake-secrets.js';

// Mangled tokens, invalid SAS fields and JWT look-alikes, as trufflehog's detector tests write their invalid variants;
// every value is drawn here.
const alnum = (n: number) => randomFrom(ALNUM, n);
const word = (n: number) => randomFrom(BASE64URL, n);
const backends = [
  ['re2js', regexBackends.portable],
  ['native-re2', regexBackends.native()],
] as const;

describe('near misses of a named provider\'s exact format', () => {
  const judge = nearMissOfNamedProvider([{ names: ['acmecloud'], shape: '<word:40>' }, { names: ['rangeco'], shape: '<word:16-200>' }]);

  it('takes a value of the exact length with one or two foreign symbols for the provider\'s, mangled', () => {
    expect(judge(`${word(20)}:${word(19)}`, 'acmecloudKey := "')).toBe(true);
    expect(judge(`${word(38)}%!`, 'ACMECLOUD_TOKEN="')).toBe(true);
    // The provider named by the heading line above (a function, a section), not by an assignment above.
    expect(judge(`${word(20)}:${word(19)}`, 'func validateAcmeCloudKey() bool {\n  apiKey := "')).toBe(true);
    expect(judge(`${word(20)}:${word(19)}`, 'ACMECLOUD_TOKEN=abc\nOTHER_KEY="')).toBe(false);
  });

  it('leaves other values to the generic rules', () => {
    expect(judge(word(40), 'acmecloudKey := "')).toBe(false);
    // Off the length, or with `-`, `_`, `=`: measured as often real tokens as not.
    expect(judge(`${word(20)}:${word(21)}`, 'acmecloudKey := "')).toBe(false);
    expect(judge(word(38), 'acmecloudKey := "')).toBe(false);
    expect(judge(`${word(38)}==`, 'acmecloudKey := "')).toBe(false);
    expect(judge(`${word(20)}:${word(19)}`, 'otherKey := "')).toBe(false);
    expect(judge(`${word(10)}:${word(9)}`, 'rangecoKey := "')).toBe(false);
    expect(judge(`${word(10)}:${word(8)}:!`, 'acmecloudKey := "')).toBe(false);
  });

  it.each(backends.map(([name, backend]) => [name, backend ?? regexBackends.portable] as const))('drops a generic finding on a keyed provider\'s mangled token (%s)', (_name, backend) => {
    const scanner = createScanner({ backend });
    const ids = (text: string) => scanner.scanBuffer(Buffer.from(text), 'src/client.go').findings.map((f) => f.ruleId);
    expect(ids(`func validate() bool {\n\tsolarwindsKey := "${word(35)}:${word(35)}"\n}`)).toEqual([]);
    expect(ids(`func validate() bool {\n\tsolarwindsKey := "${word(71)}"\n}`)).toEqual(['solarwinds-observability-token']);
    expect(ids(`func validate() bool {\n\tserviceKey := "${word(35)}:${word(35)}"\n}`)).not.toEqual([]);
  });
});

describe('Azure SAS fields', () => {
  const sig = () => `${alnum(43)}%3D`;
  const query = (fields: string) => `${fields}&st=2025-03-04T07:24:52Z&se=2025-04-04T15:24:52Z&spr=https&sv=2022-11-02&sr=c&sig=${sig()}`;

  it('refuses a permission letter no service defines and a truncated IP address', () => {
    expect(hasValidSasFields(query('sp=racwdl'))).toBe(true);
    expect(hasValidSasFields(query('sp=rl&sip=10.1.2.3-10.1.2.9'))).toBe(true);
    expect(hasValidSasFields(query('sp=rqx'))).toBe(false);
    expect(hasValidSasFields(query('sp=rl&sip=10.1.2'))).toBe(false);
  });

  it.each(backends.map(([name, backend]) => [name, backend ?? regexBackends.portable] as const))('reports a SAS whose fields Azure accepts, no other (%s)', (_name, backend) => {
    const scanner = createScanner({ backend });
    const ids = (text: string) => scanner.scanBuffer(Buffer.from(text), '.env').findings.map((f) => f.ruleId);
    expect(ids(`AZURE_BLOB_SAS_TOKEN=${query('sp=rl')}`)).toEqual(['azure-sas-token']);
    expect(ids(`url = "https://demo.blob.core.windows.net/c?sv=2022-11-02&sp=rl&sig=${sig()}"`)).toEqual(['azure-sas-token']);
    expect(ids(`AZURE_BLOB_SAS_TOKEN=${query('sp=rqx')}`)).toEqual([]);
    expect(ids(`AZURE_BLOB_SAS_TOKEN=${query('sp=rl&sip=10.1.2')}`)).toEqual([]);
  });
});

describe('JWT look-alikes', () => {
  const part = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');

  it('rejects a JWT layout of which neither header nor claims decode, keeps one with a typo in one part', () => {
    const header = part({ alg: 'HS256', typ: 'JWT' });
    const claims = part({ sub: alnum(12), iat: 1700000000 });
    const broken = (text: string) => `${text.slice(0, 8)}Q${text.slice(9)}`;
    expect(rejectGenericValue(`${broken(header)}.${alnum(74)}.${word(43)}`, 3)).toBe('malformed token');
    expect(rejectGenericValue(`${broken(header)}.${claims}.${word(43)}`, 3)).toBeUndefined();
    expect(rejectGenericValue(`${header}.${claims}.${word(43)}`, 3)).toBeUndefined();
  });
});
