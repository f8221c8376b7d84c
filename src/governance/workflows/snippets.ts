/**
 * The action the replacement snippets use for the OIDC swap: the credentials sub-action (it swaps and guards, never
 * scans), pinned to a commit as the audit asks of every third-party action that handles credentials.
 */
export const KEYWARD_ACTION = 'keyward/keyward/credentials@<FULL_40_CHARACTER_COMMIT_SHA>   # v1';

const permissionsBlock = ['permissions:', '  id-token: write   # lets the job request its OIDC token', '  contents: read'];

function join(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

export function awsReplacement(region: string | undefined): string {
  return join([
    ...permissionsBlock,
    'steps:',
    `  - uses: ${KEYWARD_ACTION}`,
    '    with:',
    '      aws-role-arn: arn:aws:iam::<ACCOUNT_ID>:role/<ROLE_TRUSTING_THIS_REPO>',
    `      aws-region: ${region && !region.includes('${{') ? region : '<REGION>'}`,
    '# then delete the AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY secrets and deactivate the IAM user key',
  ]);
}

export function gcpReplacement(): string {
  return join([
    ...permissionsBlock,
    'steps:',
    `  - uses: ${KEYWARD_ACTION}`,
    '    with:',
    '      gcp-workload-identity-provider: projects/<PROJECT_NUMBER>/locations/global/workloadIdentityPools/<POOL>/providers/<PROVIDER>',
    '      gcp-service-account: <NAME>@<PROJECT_ID>.iam.gserviceaccount.com',
    '# then delete the service-account key secret and the key itself (gcloud iam service-accounts keys delete)',
  ]);
}

export function azureReplacement(): string {
  return join([
    ...permissionsBlock,
    'steps:',
    `  - uses: ${KEYWARD_ACTION}`,
    '    with:',
    '      azure-client-id: ${{ vars.AZURE_CLIENT_ID }}        # an app registration with a federated credential for this repo',
    '      azure-tenant-id: ${{ vars.AZURE_TENANT_ID }}',
    '      azure-subscription-id: ${{ vars.AZURE_SUBSCRIPTION_ID }}',
    '# then delete the client-secret secret and the secret on the app registration',
  ]);
}

export function vaultReplacement(url: string | undefined): string {
  return join([
    ...permissionsBlock,
    'steps:',
    `  - uses: ${KEYWARD_ACTION}`,
    '    with:',
    `      vault-url: ${url && !url.includes('${{') ? url : 'https://<VAULT_ADDRESS>'}`,
    '      vault-role: <JWT_ROLE_BOUND_TO_THIS_REPO>   # vault write auth/jwt/role/... bound_claims.sub=repo:<owner>/<repo>:...',
    '# then revoke the static token (vault token revoke) and delete its secret',
  ]);
}

export function dropIdTokenReplacement(): string {
  return join(['permissions:', '  contents: read   # no id-token: write unless a step exchanges the OIDC token']);
}

export function pullRequestTargetReplacement(): string {
  return join([
    '# Run untrusted PR code without secrets or a write token:',
    'on:',
    '  pull_request:',
    '# or, if the job needs secrets, keep pull_request_target but check out the base only (no `ref:`)',
    '# and handle PR output in a separate workflow_run workflow:',
    'steps:',
    '  - uses: actions/checkout@<FULL_COMMIT_SHA>   # base branch; never github.event.pull_request.head.*',
  ]);
}

export function pinReplacement(uses: string): string {
  const at = uses.lastIndexOf('@');
  const action = at > 0 ? uses.slice(0, at) : uses;
  const ref = at > 0 ? uses.slice(at + 1) : '<ref>';
  return join([`- uses: ${action}@<FULL_40_CHARACTER_COMMIT_SHA>   # ${ref} (git ls-remote https://github.com/${action.split('/').slice(0, 2).join('/')} ${ref})`]);
}
