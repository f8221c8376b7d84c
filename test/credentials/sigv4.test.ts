import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signV4 } from '../../src/credentials/aws/sigv4.js';

// The worked example of AWS's Signature Version 4 documentation (IAM ListUsers, 2015-08-30), with its published
// intermediate hash and signature, so the signer is checked against AWS and not only against our own STS fake.
describe('SigV4 against the AWS documentation example', () => {
  it('produces the documented canonical request hash and signature', () => {
    const signature = signV4({
      method: 'GET',
      url: 'https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: '',
      region: 'us-east-1',
      service: 'iam',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      date: new Date('2015-08-30T12:36:00Z'),
    });
    expect(createHash('sha256').update(signature.canonicalRequest).digest('hex')).toBe('f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
    expect(signature.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    );
  });
});
