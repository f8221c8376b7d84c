import { signV4 } from '../../credentials/aws/sigv4.js';
import { xmlText } from '../../credentials/aws/xml.js';
import { joinUrl } from '../http.js';
import { missingCompanion } from '../settle.js';
import type { Credential, Outcome, Verifier, VerifyHttp } from '../types.js';

const KEY_ID_RULE = 'aws-access-key-id';
const SECRET_RULE = 'aws-secret-access-key';
const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
const BODY = 'Action=GetCallerIdentity&Version=2011-06-15';
/** Codes STS answers for a key id it does not know, a secret that does not match it, or a disabled key. */
const REJECTED = new Set(['InvalidClientTokenId', 'SignatureDoesNotMatch', 'AccessDenied', 'ExpiredToken', 'UnrecognizedClientException']);

/** The key id and secret of the pair this credential belongs to, one half found, the other its companion. */
function pairOf(credential: Credential): { keyId: string; secret: string } | undefined {
  const companion = (ruleId: string) => {
    const matches = credential.companions.filter((c) => c.ruleId === ruleId);
    // Several candidates leave the pair ambiguous; the first is tried, as a person reading the file would.
    return matches[0]?.secret;
  };
  if (credential.ruleId === KEY_ID_RULE) {
    const secret = companion(SECRET_RULE);
    return secret ? { keyId: credential.secret, secret } : undefined;
  }
  const keyId = companion(KEY_ID_RULE);
  return keyId ? { keyId, secret: credential.secret } : undefined;
}

/** The signing region of an STS endpoint: `sts.eu-west-1.amazonaws.com` -> eu-west-1; the global one and others us-east-1. */
export function stsRegion(baseUrl: string): string {
  const match = /^sts[.-](?:fips\.)?([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/.exec(new URL(baseUrl).hostname);
  return match?.[1] ?? 'us-east-1';
}

async function getCallerIdentity(pair: { keyId: string; secret: string }, http: VerifyHttp): Promise<Outcome> {
  const url = joinUrl(http.baseUrl, '/').toString();
  const signed = signV4({ method: 'POST', url, headers: { 'content-type': FORM, accept: 'text/xml' }, body: BODY, region: stsRegion(http.baseUrl), service: 'sts', credentials: { accessKeyId: pair.keyId, secretAccessKey: pair.secret }, date: new Date() });
  const response = await http.request('/', { method: 'POST', headers: signed.signedHeaders, body: BODY });
  if (response.status === 200) {
    const arn = xmlText(response.text, 'Arn', 'GetCallerIdentityResult');
    const account = xmlText(response.text, 'Account', 'GetCallerIdentityResult');
    if (!arn) return { status: 'unknown', reason: 'STS answered 200 without an Arn' };
    return { status: 'active', identity: account && !arn.includes(account) ? `${arn} (account ${account})` : arn };
  }
  const code = xmlText(response.text, 'Code', 'Error');
  if (code === 'Throttling') return { status: 'unknown', reason: 'rate limited (Throttling)' };
  if (code && REJECTED.has(code)) return { status: 'inactive', reason: `${code} (HTTP ${response.status})` };
  return { status: 'unknown', reason: `unexpected HTTP ${response.status}${code ? ` (${code})` : ''}` };
}

/** AWS IAM user keys: STS GetCallerIdentity, SigV4-signed with the key id and secret found in the same file. */
export const awsVerifier: Verifier = {
  id: 'aws',
  rules: [KEY_ID_RULE, SECRET_RULE],
  baseUrl: 'https://sts.amazonaws.com',
  baseUrlEnv: 'AWS_ENDPOINT_URL_STS',
  ratePerSecond: 5,
  async verify(credential, http) {
    const pair = pairOf(credential);
    if (!pair) return missingCompanion(credential.ruleId === KEY_ID_RULE ? 'AWS secret access key' : 'AWS access key ID');
    return getCallerIdentity(pair, http);
  },
  cacheKey(credential) {
    const pair = pairOf(credential);
    return pair ? `${pair.keyId}\0${pair.secret}` : undefined;
  },
};
