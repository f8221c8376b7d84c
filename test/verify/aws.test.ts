import { describe, expect, it } from 'vitest';
import { awsVerifier, stsRegion } from '../../src/verify/verifiers/aws.js';
import { startStsIdentityServer } from '../servers/aws-sts.js';
import { awsSecret, iamUser } from './fixtures.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';

const pairOf = (keyId: string, secret: string) => credential('aws-secret-access-key', secret, `AWS_ACCESS_KEY_ID=${keyId}\nAWS_SECRET_ACCESS_KEY=${secret}\n`, [{ ruleId: 'aws-access-key-id', secret: keyId }]);

describe('the AWS verifier (STS GetCallerIdentity, SigV4-signed with the found pair)', () => {
  it('reports an active IAM user key with its ARN and account, the signature checked by the server', async () => {
    const user = iamUser('deploy-bot', '123456789012');
    const sts = await startStsIdentityServer([user]);
    try {
      const outcome = await verifyAgainst(awsVerifier, sts, pairOf(user.accessKeyId, user.secretAccessKey));
      expect(outcome).toEqual({ status: 'active', identity: 'arn:aws:iam::123456789012:user/deploy-bot' });
      const [request] = sts.requests;
      expect(request?.body).toBe('Action=GetCallerIdentity&Version=2011-06-15');
      expect(request?.headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${user.accessKeyId}/\\d{8}/us-east-1/sts/aws4_request, `));
      expect(JSON.stringify(sts.requests)).not.toContain(user.secretAccessKey);
    } finally {
      await sts.close();
    }
  });

  it('checks the key id finding the same way, with the secret as its companion', async () => {
    const user = iamUser();
    const sts = await startStsIdentityServer([user]);
    try {
      const cred = credential('aws-access-key-id', user.accessKeyId, '', [{ ruleId: 'aws-secret-access-key', secret: user.secretAccessKey }]);
      expect(await verifyAgainst(awsVerifier, sts, cred)).toMatchObject({ status: 'active', identity: user.arn });
      expect(awsVerifier.cacheKey?.(cred)).toBe(awsVerifier.cacheKey?.(pairOf(user.accessKeyId, user.secretAccessKey)));
    } finally {
      await sts.close();
    }
  });

  it('is inactive when the secret does not match the key id, the key id is unknown, or the key is deactivated', async () => {
    const user = iamUser();
    const disabled = { ...iamUser(), inactive: true };
    const sts = await startStsIdentityServer([user, disabled]);
    try {
      expect(await verifyAgainst(awsVerifier, sts, pairOf(user.accessKeyId, awsSecret()))).toEqual({ status: 'inactive', reason: 'SignatureDoesNotMatch (HTTP 403)' });
      expect(await verifyAgainst(awsVerifier, sts, pairOf(iamUser().accessKeyId, awsSecret()))).toEqual({ status: 'inactive', reason: 'InvalidClientTokenId (HTTP 403)' });
      expect(await verifyAgainst(awsVerifier, sts, pairOf(disabled.accessKeyId, disabled.secretAccessKey))).toMatchObject({ status: 'inactive' });
    } finally {
      await sts.close();
    }
  });

  it('is unknown, without a call, when the other half of the pair is not in the same file', async () => {
    const server = await providerServer([]);
    expect(await verifyAgainst(awsVerifier, server, credential('aws-secret-access-key', awsSecret()))).toEqual({ status: 'unknown', reason: 'no AWS access key ID in the same file to verify with' });
    expect(server.requests).toHaveLength(0);
  });

  it('settles throttling, 5xx and timeouts as unknown', async () => {
    const user = iamUser();
    const sts = await startStsIdentityServer([user]);
    try {
      const throttling = { status: 400, headers: { 'content-type': 'text/xml' }, body: '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>' };
      sts.injectFault({ pathPattern: /^\/$/, times: 1, reply: throttling });
      expect(await verifyAgainst(awsVerifier, sts, pairOf(user.accessKeyId, user.secretAccessKey))).toEqual({ status: 'unknown', reason: 'rate limited (Throttling)' });
    } finally {
      await sts.close();
    }
    await expectUnknownOnFaults(awsVerifier, [], pairOf(user.accessKeyId, user.secretAccessKey));
  });

  it('signs for the region of a regional endpoint', () => {
    expect(stsRegion('https://sts.eu-west-1.amazonaws.com')).toBe('eu-west-1');
    expect(stsRegion('https://sts.amazonaws.com')).toBe('us-east-1');
    expect(stsRegion('http://127.0.0.1:4566')).toBe('us-east-1');
  });
});
