/** The runner as the credential swap sees it: the Action adapter backs it with @actions/core, tests with a recorder. */
export interface CredentialRuntime {
  /** Sets the variable for later steps (GITHUB_ENV) and for this process. */
  exportVariable(name: string, value: string): void;
  /** Masks the value in every later log line. Called for each minted secret before it is exported or written. */
  setSecret(value: string): void;
  setOutput(name: string, value: string): void;
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  env: NodeJS.ProcessEnv;
  /** The runner's OIDC token for this audience (GitHub's default when undefined): @actions/core's getIDToken. */
  getIDToken(audience: string | undefined): Promise<string>;
  /** RUNNER_TEMP: credential files go here, never under the workspace. */
  tempDir: string;
  workspace: string;
  now(): Date;
  /** Overrides for tests; production uses the defaults in http.ts. */
  retry?: Partial<RetryPolicy>;
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

export type Cloud = 'aws' | 'gcp' | 'azure' | 'vault';

/** The claims of the GitHub OIDC token a credential was issued for (decoded, not verified: the provider verifies). */
export interface OidcClaims {
  sub: string;
  aud: string;
  iss: string;
  repository?: string;
  ref?: string;
  workflow_ref?: string;
  job_workflow_ref?: string;
  run_id?: string;
}

/** Governance evidence for one issued credential. Never carries a secret value. */
export interface IssuedCredential {
  cloud: Cloud;
  /** Role ARN, service account email (or the workload identity provider), client id, or Vault role. */
  identity: string;
  oidc: OidcClaims;
  issuedAt: string;
  expiresAt: string;
  durationSeconds: number;
  policyVersion?: string;
  revokedAt?: string;
  /** For AWS role chaining: the roles assumed in order, the last one being `identity`. */
  chain?: string[];
  /** Names of the variables exported for later steps. */
  outputs: string[];
}

export type LongLivedPolicy = 'warn' | 'fail' | 'ignore';

export interface AwsInputs {
  roleArn: string;
  region: string;
  roleSessionName?: string;
  sessionDurationSeconds: number;
  sessionPolicy?: string;
  roleChain?: string;
  audience: string;
  /** Explicit STS endpoint; otherwise AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, then the regional endpoint. */
  stsEndpoint?: string;
}

export interface GcpInputs {
  workloadIdentityProvider: string;
  serviceAccount?: string;
  projectId?: string;
  tokenLifetimeSeconds: number;
  audience?: string;
  credentialSource: 'file' | 'url';
  stsEndpoint: string;
  iamCredentialsEndpoint: string;
}

export interface AzureInputs {
  clientId: string;
  tenantId: string;
  subscriptionId?: string;
  audience: string;
  authorityHost?: string;
  scope: string;
}

export interface VaultInputs {
  url: string;
  role: string;
  path: string;
  namespace?: string;
  audience?: string;
}

export interface SwapInputs {
  aws?: AwsInputs;
  gcp?: GcpInputs;
  azure?: AzureInputs;
  vault?: VaultInputs;
  longLivedEnv: LongLivedPolicy;
  /** Publish minted access tokens (masked) as step outputs. */
  outputAccessTokens: boolean;
  /** Recorded in every evidence record, e.g. the commit of the infrastructure code that defines the trust policies. */
  policyVersion?: string;
}

export interface GuardFinding {
  variable: string;
  cloud: Cloud;
  /** Why it counts as long-lived; never the value. */
  reason: string;
}

export interface GuardReport {
  policy: LongLivedPolicy;
  findings: GuardFinding[];
  /** Variables emptied for later steps because the swap replaced them. */
  removed: string[];
}

export interface SwapResult {
  issued: IssuedCredential[];
  guard: GuardReport;
}
