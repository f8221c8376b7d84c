import { describe, expect, it } from 'vitest';
import { basicAuth, identityOf, isoTime, regionalRejection, text, textList } from '../../src/verify/verifiers/shared.js';
import { companionsIn } from '../../src/verify/verifiers/companions.js';

describe('verifier readers', () => {
  it('reads strings and numbers at a path, and nothing of another shape', () => {
    const json = { a: { b: ' x ', n: 7, arr: ['p', 3, '', 'q'], obj: {} } };
    expect(text(json, 'a', 'b')).toBe('x');
    expect(text(json, 'a', 'n')).toBe('7');
    expect(text(json, 'a', 'obj')).toBeUndefined();
    expect(text(json, 'a', 'missing', 'deeper')).toBeUndefined();
    expect(text(['a'], '0')).toBeUndefined();
    expect(textList(json, 'a', 'arr')).toEqual(['p', 'q']);
    expect(textList(json, 'a', 'b')).toBeUndefined();
  });

  it('reads expiry as ISO, Unix seconds or a bare date (midnight UTC), and drops what it cannot read', () => {
    expect(isoTime('2027-03-31')).toBe('2027-03-31T00:00:00.000Z');
    expect(isoTime('2027-03-31T10:00:00+02:00')).toBe('2027-03-31T08:00:00.000Z');
    expect(isoTime(1798761600)).toBe('2027-01-01T00:00:00.000Z');
    expect(isoTime('never')).toBeUndefined();
    expect(isoTime(null)).toBeUndefined();
    expect(isoTime(-5)).toBeUndefined();
  });

  it('joins identity parts and caps a provider-supplied name', () => {
    expect(identityOf('acme', undefined, 'bot')).toBe('acme / bot');
    expect(identityOf(undefined)).toBeUndefined();
    expect(identityOf('x'.repeat(500))?.length).toBe(200);
  });

  it('finds distinct companions, at most the limit, without flags on the caller pattern mattering', () => {
    const context = 'id=AC1 id=AC2 id=AC1 id=AC3 id=AC4';
    expect(companionsIn(context, /id=(AC\d)/)).toEqual(['AC1', 'AC2', 'AC3']);
    expect(companionsIn(context, /id=(AC\d)/g, 1)).toEqual(['AC1']);
    expect(companionsIn('nothing here', /id=(AC\d)/)).toEqual([]);
  });

  it('builds Basic auth from user and password', () => {
    expect(basicAuth('api', 'k:ey')).toEqual({ authorization: `Basic ${Buffer.from('api:k:ey').toString('base64')}` });
  });

  it('keeps a rejection by the asked region unknown when the file names another region', () => {
    const region = { provider: 'Acme', asked: 'US (api.acme.test)', others: /\bapi\.eu\.acme\.test\b/i };
    expect(regionalRejection(401, 'KEY=x', region)).toEqual({ status: 'inactive', reason: 'rejected by Acme US (api.acme.test) (HTTP 401)' });
    expect(regionalRejection(401, 'URL=https://API.EU.acme.test/v1', region)).toEqual({ status: 'unknown', reason: 'the file names api.eu.acme.test; only Acme US (api.acme.test) is checked' });
  });
});
