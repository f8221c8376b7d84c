import { createHash } from 'node:crypto';
import { requestIdToken } from '../oidc.js';
import { exportSecrets, recordIssued, type SwapContext } from '../record.js';
import type { AwsInputs, IssuedCredential } from '../types.js';
import { assumeRole, assumeRoleWithWebIdentity, stsEndpoint } from './sts.js';

export const AWS_EXPORTS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION'] as const;
const CHAINED_MAX_SECONDS = 3600;

/** `keyward-<run id>-<attempt>`, within STS's 64 characters of [\w+=,.@-]. */
export function defaultSessionName(env: NodeJS.ProcessEnv): string {
  const parts = ['keyward', env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean).join('-');
  return parts.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}

function policyDigest(policy: string): string {
  return `session-policy:sha256:${createHash('sha256').update(policy).digest('hex').slice(0, 16)}`;
}

/** OIDC token -> AssumeRoleWithWebIdentity (-> AssumeRole for a chained role) -> masked, exported credentials. */
export async function swapAws(ctx: SwapContext, inputs: AwsInputs): Promise<IssuedCredential> {
  const { runtime } = ctx;
  const idToken = await requestIdToken(runtime, inputs.audience);
  const endpoint = stsEndpoint(inputs.region, runtime.env, inputs.stsEndpoint);
  const sessionName = inputs.roleSessionName ?? defaultSessionName(runtime.env);
  const issuedAt = runtime.now();
  const first = await assumeRoleWithWebIdentity(
    runtime,
    { endpoint, roleArn: inputs.roleArn, sessionName, durationSeconds: inputs.sessionDurationSeconds, policy: inputs.roleChain ? undefined : inputs.sessionPolicy },
    idToken.token,
    idToken.claims,
  );
  runtime.setSecret(first.secretAccessKey);
  runtime.setSecret(first.sessionToken);
  let credentials = first;
  if (inputs.roleChain) {
    const duration = Math.min(inputs.sessionDurationSeconds, CHAINED_MAX_SECONDS);
    if (duration < inputs.sessionDurationSeconds) runtime.warning(`A chained role session lasts at most ${CHAINED_MAX_SECONDS} s; asking ${inputs.roleChain} for ${duration} s.`);
    credentials = await assumeRole(runtime, { endpoint, roleArn: inputs.roleChain, sessionName, durationSeconds: duration, policy: inputs.sessionPolicy }, inputs.region, first);
  }
  const outputs = exportSecrets(
    runtime,
    [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken],
    [
      ['AWS_ACCESS_KEY_ID', credentials.accessKeyId],
      ['AWS_SECRET_ACCESS_KEY', credentials.secretAccessKey],
      ['AWS_SESSION_TOKEN', credentials.sessionToken],
      ['AWS_REGION', inputs.region],
      ['AWS_DEFAULT_REGION', inputs.region],
    ],
  );
  const identity = inputs.roleChain ?? inputs.roleArn;
  const account = /^arn:[^:]+:iam::(\d{12}):/.exec(identity)?.[1];
  if (account) runtime.setOutput('aws-account-id', account);
  return recordIssued(
    ctx,
    {
      cloud: 'aws',
      identity,
      oidc: idToken.claims,
      issuedAt,
      expiresAt: credentials.expiration,
      outputs,
      policyVersion: inputs.sessionPolicy ? policyDigest(inputs.sessionPolicy) : undefined,
      chain: inputs.roleChain ? [inputs.roleArn, inputs.roleChain] : undefined,
    },
    'aws',
  );
}
