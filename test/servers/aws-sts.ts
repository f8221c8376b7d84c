import { createHash, createHmac } from 'node:crypto';
import { ALNUM, DIGITS, UPPER, randomFrom } from '../helpers/fake-secrets.js';
import { startLoopbackServer, type LoopbackServer, type RecordedRequest, type Reply } from './http.js';
import { stringLike, verifyJwt, type OidcFake } from './oidc.js';

export interface AwsCredentialsIssued {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  roleArn: string;
}

/** Loopback AWS STS (Query API 2011-06-15) answering the documented XML bodies. */
export interface StsFake {
  server: LoopbackServer;
  url: string;
  /** StringLike patterns the role trust policy allows for `token.actions.githubusercontent.com:sub`. */
  trustedSubjects: string[];
  audience: string;
  issued: AwsCredentialsIssued[];
  /** The next `times` calls answer Throttling. */
  throttle(times: number): void;
  close(): Promise<void>;
}

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function errorXml(code: string, message: string, status = 400, type = 'Sender'): Reply {
  return {
    status,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse xmlns="${NS}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${code}</Code>\n    <Message>${message}</Message>\n  </Error>\n  <RequestId>${randomFrom(ALNUM, 12)}</RequestId>\n</ErrorResponse>\n`,
  };
}

function successXml(action: string, creds: AwsCredentialsIssued, sessionName: string, expiration: Date, extra = ''): Reply {
  const role = creds.roleArn.split('/').pop() ?? 'role';
  const account = creds.roleArn.split(':')[4] ?? '000000000000';
  return {
    headers: { 'content-type': 'text/xml' },
    body: `<${action}Response xmlns="${NS}">
  <${action}Result>${extra}
    <AssumedRoleUser>
      <Arn>arn:aws:sts::${account}:assumed-role/${role}/${sessionName}</Arn>
      <AssumedRoleId>AROA${randomFrom(UPPER + DIGITS, 16)}:${sessionName}</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <SessionToken>${creds.sessionToken}</SessionToken>
      <SecretAccessKey>${creds.secretAccessKey}</SecretAccessKey>
      <Expiration>${expiration.toISOString().replace(/\.\d{3}Z$/, 'Z')}</Expiration>
      <AccessKeyId>${creds.accessKeyId}</AccessKeyId>
    </Credentials>
  </${action}Result>
  <ResponseMetadata><RequestId>${randomFrom(ALNUM, 12)}</RequestId></ResponseMetadata>
</${action}Response>
`,
  };
}

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const enc = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An independent SigV4 check (not our signer): recomputes the signature from the request as received. */
function verifySigV4(req: RecordedRequest, lookup: (keyId: string) => string | undefined): string | undefined {
  const auth = req.headers.authorization ?? '';
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/sts\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return 'IncompleteSignature';
  const [, keyId = '', day = '', region = '', signed = '', signature = ''] = m;
  const secret = lookup(keyId);
  if (!secret) return 'InvalidClientTokenId';
  const names = signed.split(';');
  const headerLines = names.map((n) => `${n}:${String(req.headers[n] ?? '').trim()}\n`).join('');
  const query = [...req.query.entries()].map(([k, v]) => `${enc(k)}=${enc(v)}`).sort().join('&');
  const canonical = ['POST', req.path, query, headerLines, signed, createHash('sha256').update(req.body).digest('hex')].join('\n');
  const stamp = String(req.headers['x-amz-date'] ?? '');
  const toSign = ['AWS4-HMAC-SHA256', stamp, `${day}/${region}/sts/aws4_request`, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), 'sts'), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex') === signature ? undefined : 'SignatureDoesNotMatch';
}

/** An IAM user's long-lived access key, as GetCallerIdentity knows it. */
export interface IamUserKey {
  accessKeyId: string;
  secretAccessKey: string;
  arn: string;
  /** A deactivated key: STS answers InvalidClientTokenId. */
  inactive?: boolean;
}

const SKEW_MS = 15 * 60 * 1000;

/** GetCallerIdentity as STS answers it: the signature recomputed with the secret STS knows for the key id. */
function callerIdentity(req: RecordedRequest, users: readonly IamUserKey[], issued: readonly AwsCredentialsIssued[]): Reply {
  const stamp = String(req.headers['x-amz-date'] ?? '');
  const when = Date.parse(stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!Number.isFinite(when) || Math.abs(Date.now() - when) > SKEW_MS) return errorXml('SignatureDoesNotMatch', 'Signature expired or the request time is out of range.', 403);
  const user = (keyId: string) => users.find((u) => u.accessKeyId === keyId && !u.inactive);
  const problem = verifySigV4(req, (keyId) => user(keyId)?.secretAccessKey ?? issued.find((c) => c.accessKeyId === keyId)?.secretAccessKey);
  if (problem === 'InvalidClientTokenId') return errorXml(problem, 'The security token included in the request is invalid.', 403);
  if (problem) return errorXml(problem, 'The request signature we calculated does not match the signature you provided.', 403);
  const keyId = /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const arn = user(keyId)?.arn ?? issued.find((c) => c.accessKeyId === keyId)?.roleArn ?? '';
  const account = arn.split(':')[4] ?? '';
  return {
    headers: { 'content-type': 'text/xml' },
    body: `<GetCallerIdentityResponse xmlns="${NS}">\n  <GetCallerIdentityResult>\n    <Arn>${arn}</Arn>\n    <UserId>AIDA${randomFrom(UPPER + DIGITS, 17)}</UserId>\n    <Account>${account}</Account>\n  </GetCallerIdentityResult>\n  <ResponseMetadata><RequestId>${randomFrom(ALNUM, 12)}</RequestId></ResponseMetadata>\n</GetCallerIdentityResponse>\n`,
  };
}

/** A loopback STS that answers GetCallerIdentity only, for the verifier: the IAM user keys it knows. */
export async function startStsIdentityServer(users: IamUserKey[]): Promise<LoopbackServer> {
  const server = await startLoopbackServer();
  server.addRoutes([
    {
      method: 'POST',
      path: '/',
      handler: (req) => {
        const params = new URLSearchParams(req.body);
        if (params.get('Version') !== '2011-06-15') return errorXml('InvalidParameterValue', 'Unsupported Version');
        if (params.get('Action') !== 'GetCallerIdentity') return errorXml('InvalidAction', `Could not find operation ${params.get('Action') ?? ''}`);
        return callerIdentity(req, users, []);
      },
    },
  ]);
  return server;
}

export async function startStsFake(oidc: OidcFake, options: { trustedSubjects?: string[]; audience?: string } = {}): Promise<StsFake> {
  const server = await startLoopbackServer();
  const fake: StsFake = {
    server,
    url: server.url,
    trustedSubjects: options.trustedSubjects ?? ['repo:octo-org/octo-repo:*'],
    audience: options.audience ?? 'sts.amazonaws.com',
    issued: [],
    throttle: (times) => server.injectFault({ method: 'POST', pathPattern: /^\/$/, times, reply: errorXml('Throttling', 'Rate exceeded') }),
    close: () => server.close(),
  };
  const mint = (roleArn: string): AwsCredentialsIssued => {
    const creds = { accessKeyId: `ASIA${randomFrom(UPPER + DIGITS, 16)}`, secretAccessKey: randomFrom(ALNUM, 40), sessionToken: randomFrom(ALNUM, 180), roleArn };
    fake.issued.push(creds);
    return creds;
  };
  server.addRoutes([
    {
      method: 'POST',
      path: '/',
      handler: (req) => {
        const params = new URLSearchParams(req.body);
        if (params.get('Version') !== '2011-06-15') return errorXml('InvalidParameterValue', 'Unsupported Version');
        const roleArn = params.get('RoleArn') ?? '';
        const sessionName = params.get('RoleSessionName') ?? '';
        const duration = Number(params.get('DurationSeconds') ?? '3600');
        if (duration < 900 || duration > 43200) return errorXml('ValidationError', `1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint`);
        const expiration = new Date(Date.now() + duration * 1000);
        const action = params.get('Action');
        if (action === 'AssumeRoleWithWebIdentity') {
          const check = verifyJwt(params.get('WebIdentityToken') ?? '', oidc.jwks, { audience: fake.audience, issuer: oidc.issuer });
          if (!check.ok) {
            if (check.reason === 'audience') return errorXml('InvalidIdentityToken', 'Incorrect token audience');
            if (check.reason === 'expired') return errorXml('ExpiredTokenException', 'Token expired: current date/time must be before the expiration date/time');
            return errorXml('InvalidIdentityToken', 'Couldn\'t retrieve verification key from your identity provider');
          }
          const sub = String(check.claims.sub);
          if (!fake.trustedSubjects.some((p) => stringLike(p, sub))) return errorXml('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403);
          return successXml(action, mint(roleArn), sessionName, expiration, `\n    <SubjectFromWebIdentityToken>${sub}</SubjectFromWebIdentityToken>\n    <Audience>${fake.audience}</Audience>\n    <Provider>${oidc.issuer}</Provider>`);
        }
        if (action === 'AssumeRole') {
          const problem = verifySigV4(req, (keyId) => fake.issued.find((c) => c.accessKeyId === keyId)?.secretAccessKey);
          if (problem) return errorXml(problem, 'The request signature we calculated does not match the signature you provided.', 403);
          const caller = fake.issued.find((c) => req.headers.authorization?.includes(c.accessKeyId));
          if (req.headers['x-amz-security-token'] !== caller?.sessionToken) return errorXml('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
          if (duration > 3600) return errorXml('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
          return successXml(action, mint(roleArn), sessionName, expiration);
        }
        return errorXml('InvalidAction', `Could not find operation ${action ?? ''}`);
      },
    },
  ]);
  return fake;
}
