import { CredentialError } from '../errors.js';
import { form, request, type HttpResponse } from '../http.js';
import type { CredentialRuntime, OidcClaims } from '../types.js';
import { signV4, type SigningCredentials } from './sigv4.js';
import { xmlText } from './xml.js';

export const STS_VERSION = '2011-06-15';
const RETRYABLE_CODES = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'IDPCommunicationError', 'ServiceUnavailable', 'InternalFailure']);

export interface StsCredentials extends SigningCredentials {
  sessionToken: string;
  expiration: Date;
  assumedRoleArn?: string;
}

export interface StsError {
  type?: string;
  code: string;
  message: string;
  requestId?: string;
}

/** `AWS_ENDPOINT_URL_STS` > `AWS_ENDPOINT_URL` > the regional endpoint (the global one is legacy and us-east-1 only). */
export function stsEndpoint(region: string, env: NodeJS.ProcessEnv, explicit?: string): string {
  const chosen = explicit || env.AWS_ENDPOINT_URL_STS || env.AWS_ENDPOINT_URL;
  if (chosen) return chosen.replace(/\/+$/, '') + '/';
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sts.${region}.${suffix}/`;
}

export function parseStsError(xml: string): StsError | undefined {
  const code = xmlText(xml, 'Code', 'Error');
  if (!code) return undefined;
  return { type: xmlText(xml, 'Type', 'Error'), code, message: xmlText(xml, 'Message', 'Error') ?? '', requestId: xmlText(xml, 'RequestId') };
}

function isRetryable(response: HttpResponse): boolean {
  const error = parseStsError(response.text);
  return error !== undefined && RETRYABLE_CODES.has(error.code);
}

function parseCredentials(xml: string, resultTag: string): StsCredentials | undefined {
  const accessKeyId = xmlText(xml, 'AccessKeyId', 'Credentials');
  const secretAccessKey = xmlText(xml, 'SecretAccessKey', 'Credentials');
  const sessionToken = xmlText(xml, 'SessionToken', 'Credentials');
  const expiration = xmlText(xml, 'Expiration', 'Credentials');
  if (!xml.includes(`<${resultTag}`) || !accessKeyId || !secretAccessKey || !sessionToken || !expiration) return undefined;
  const date = new Date(expiration);
  if (Number.isNaN(date.getTime())) return undefined;
  return { accessKeyId, secretAccessKey, sessionToken, expiration: date, assumedRoleArn: xmlText(xml, 'Arn', 'AssumedRoleUser') };
}

const TRUST_EXAMPLE = (claims: OidcClaims) => {
  const repo = claims.repository ?? 'OWNER/REPO';
  return `"StringLike": { "token.actions.githubusercontent.com:sub": "repo:${repo}:*" }`;
};

/** The fix for each documented AssumeRole* error, phrased with the claims the token actually carried. */
export function stsHint(error: StsError, claims: OidcClaims | undefined, roleArn: string): string | undefined {
  switch (error.code) {
    case 'AccessDenied':
      return claims
        ? `the token's sub was "${claims.sub}" (aud "${claims.aud}"); the trust policy of ${roleArn} must allow that subject, e.g. ${TRUST_EXAMPLE(claims)}, and name the account's token.actions.githubusercontent.com identity provider as Federated principal.`
        : `the caller may not assume ${roleArn}: the target role's trust policy must name the first role as principal and allow sts:AssumeRole (and sts:TagSession if tags are passed).`;
    case 'InvalidIdentityToken':
      if (/audience/i.test(error.message) && claims) return `the token's aud was "${claims.aud}"; the IAM OIDC provider's client ID list must contain it, or set aws-audience to one it lists (default sts.amazonaws.com).`;
      if (/provider/i.test(error.message)) return 'create the IAM OIDC identity provider for https://token.actions.githubusercontent.com (client ID sts.amazonaws.com) in the role\'s account.';
      return claims ? `STS rejected the token (iss "${claims.iss}", sub "${claims.sub}").` : undefined;
    case 'ExpiredTokenException':
      return 'the OIDC token had expired when STS checked it: re-run the job, and check the runner clock if it keeps happening.';
    case 'IDPCommunicationError':
      return 'STS could not reach GitHub to fetch the token signing keys; this is usually transient, re-run the job.';
    case 'ValidationError':
      if (/duration/i.test(error.message)) return 'aws-session-duration must lie between 900 and the role\'s MaxSessionDuration; a chained role allows at most 3600.';
      return undefined;
    case 'RegionDisabledException':
      return 'activate STS for this region in the account settings, or choose another aws-region.';
    case 'PackedPolicyTooLarge':
      return 'shorten aws-session-policy.';
    case 'MalformedPolicyDocument':
      return 'aws-session-policy is not a valid IAM policy document.';
    default:
      return undefined;
  }
}

async function callSts(runtime: CredentialRuntime, url: string, action: string, headers: Record<string, string>, body: string, roleArn: string, claims: OidcClaims | undefined): Promise<StsCredentials> {
  const response = await request(runtime, url, { method: 'POST', headers, body, label: `AWS STS ${action}`, isRetryable });
  if (response.status === 200) {
    const credentials = parseCredentials(response.text, `${action}Result`);
    if (credentials) return credentials;
    throw new CredentialError('aws', `AWS STS ${action} answered 200 without credentials in the documented XML shape`);
  }
  const error = parseStsError(response.text);
  if (!error) throw new CredentialError('aws', `AWS STS ${action} for ${roleArn} failed with HTTP ${response.status} and no STS error document`, { code: `HTTP${response.status}` });
  const requestId = error.requestId ? ` (request id ${error.requestId})` : '';
  throw new CredentialError('aws', `AWS STS ${action} for ${roleArn} failed: ${error.code}: ${error.message}${requestId}`, { code: error.code, hint: stsHint(error, claims, roleArn) });
}

export interface AssumeRoleParams {
  endpoint: string;
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  policy?: string;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

/** AssumeRoleWithWebIdentity: an unsigned Query API call, the OIDC token is the proof. */
export function assumeRoleWithWebIdentity(runtime: CredentialRuntime, params: AssumeRoleParams, webIdentityToken: string, claims: OidcClaims): Promise<StsCredentials> {
  const body = form({
    Action: 'AssumeRoleWithWebIdentity',
    Version: STS_VERSION,
    RoleArn: params.roleArn,
    RoleSessionName: params.sessionName,
    WebIdentityToken: webIdentityToken,
    DurationSeconds: String(params.durationSeconds),
    Policy: params.policy,
  });
  return callSts(runtime, params.endpoint, 'AssumeRoleWithWebIdentity', { 'content-type': FORM_CONTENT_TYPE, accept: 'text/xml' }, body, params.roleArn, claims);
}

/** AssumeRole with the first role's credentials (role chaining): SigV4-signed. */
export function assumeRole(runtime: CredentialRuntime, params: AssumeRoleParams, region: string, credentials: SigningCredentials): Promise<StsCredentials> {
  const body = form({
    Action: 'AssumeRole',
    Version: STS_VERSION,
    RoleArn: params.roleArn,
    RoleSessionName: params.sessionName,
    DurationSeconds: String(params.durationSeconds),
    Policy: params.policy,
  });
  const signed = signV4({ method: 'POST', url: params.endpoint, headers: { 'content-type': FORM_CONTENT_TYPE, accept: 'text/xml' }, body, region, service: 'sts', credentials, date: runtime.now() });
  return callSts(runtime, params.endpoint, 'AssumeRole', signed.signedHeaders, body, params.roleArn, undefined);
}
